// A lesson process that mostly sleeps (STAT S: its event loop waits in
// epoll_wait). Options, as name=value arguments:
//   role=NAME        how the narration calls it
//   after=MS         exit after MS milliseconds ...
//   code=N           ... with this status (default 0)
//   message=TEXT     ... or like Python's sys.exit("TEXT"): TEXT on stderr, status 1
//   on=end           exit that way when the parent sends 'end' over IPC instead of after a time
//   on=command       exit that way on procview's next command on fd 3 (shared by a blocked parent)
//   watch-ppid       report every change of getppid() (orphan lessons)
//   tick=MS          report a unit of work every MS milliseconds (a daemon at work)
import { keepLifeline, numberOption, option, send, writeStderr } from './channel.js';
import { nextCommand } from './commands.js';

keepLifeline();
send('hello', { role: option('role') });

function finish(): never {
  const message = option('message');
  if (message !== undefined) {
    writeStderr(message);
    process.exit(1);
  }
  process.exit(numberOption('code', 0));
}

if (option('on') === 'end') {
  process.on('message', (message) => {
    if (message === 'end') finish();
  });
}
if (option('on') === 'command') void nextCommand().then(finish);
if (option('after') !== undefined) setTimeout(finish, numberOption('after', 0));

if (option('watch-ppid') !== undefined) {
  // process.ppid calls getppid() each time: after the parent exits it names the adopter.
  let parent = process.ppid;
  setInterval(() => {
    const now = process.ppid;
    if (now === parent) return;
    send('reparented', { from: parent, to: now });
    parent = now;
  }, 20);
}

const tick = numberOption('tick', 0);
if (tick > 0) {
  let units = 0;
  setInterval(() => {
    units += 1;
    send('tick', { units });
  }, tick);
}
