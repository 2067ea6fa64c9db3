// The waitpid lesson's parent: it keeps working (a timer counts units of work)
// while three children end at different times. Each 'exit' event is libuv's
// waitpid(pid, &status, WNOHANG) after a SIGCHLD, run between units of work.
import { holdMs, keepLifeline, send, spawnScript } from './channel.js';
import { nextCommand } from './commands.js';

const PLAN = [
  { after: holdMs, code: 0 },
  { after: Math.round(holdMs * 1.5), code: 2 },
  { after: holdMs * 2, code: 5 },
];
const WORK_MS = 50;

keepLifeline();
send('hello');
let work = 0;
setInterval(() => {
  work += 1;
}, WORK_MS);

let running = PLAN.length;
const children = PLAN.map(({ after, code }) => {
  const child = spawnScript('sleeper', ['role=child', 'on=end', `code=${code}`], true);
  send('planned', { child: child.pid, after, code });
  child.on('exit', (status, signal) => {
    running -= 1;
    send('reaped', { child: child.pid, code: status, signal, work, running });
  });
  return { child, after };
});

for (;;) {
  const command = await nextCommand();
  // One clock, ours, decides when each child ends: a slow start cannot reorder them.
  if (command === 'go') for (const { child, after } of children) setTimeout(() => child.send('end'), after);
  if (command === 'exit') process.exit(0);
}
