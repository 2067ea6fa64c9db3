// A CPU-bound lesson process (STAT R). It spins in 50 ms slices and lets the
// event loop run between them, so it still notices the end of the lesson.
import { keepLifeline, option, send } from './channel.js';

const SLICE_MS = 50;

keepLifeline();
send('hello', { role: option('role') });

function spin(): void {
  const until = Date.now() + SLICE_MS;
  while (Date.now() < until) {
    // Busy on purpose: this process is the "R" in the lesson.
  }
  setImmediate(spin);
}
spin();
