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
const children = PLAN.map(({ after, code }, index) => {
  const child = spawnScript('sleeper', ['role=child', 'on=end', `code=${code}`], true);
  send('planned', { child: child.pid, after, code });
  child.on('exit', (status, signal) => {
    running -= 1;
    send('reaped', { child: child.pid, code: status, signal, work, running });
    endLater(index + 1);
  });
  return { child, after };
});

/**
 * Tells child `index` to end, its planned gap after the previous one. One clock,
 * ours, and one child at a time: the next is told only once the previous was
 * reaped, so a busy machine can neither reorder them nor end two in one turn
 * (the work timer, due sooner than any gap, always runs in between).
 */
function endLater(index: number): void {
  const next = children[index];
  if (next === undefined) return;
  setTimeout(() => next.child.send('end'), next.after - (children[index - 1]?.after ?? 0));
}

for (;;) {
  const command = await nextCommand();
  if (command === 'go') endLater(0);
  if (command === 'exit') process.exit(0);
}
