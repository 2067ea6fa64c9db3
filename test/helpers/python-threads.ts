// Real multi-threaded processes for the thread tests: python3 with named
// threads, and python3 whose main thread (the thread-group leader) has exited
// while another thread runs on. Each is the leader of its own process group,
// killed after the test (processes.ts).
import { procps } from './procps.js';
import { spawnGroup, waitFor } from './processes.js';

/** python3 with one thread per name (prctl PR_SET_NAME = 15), printing READY once all are named. */
function namedThreadsScript(names: readonly string[]): string {
  return [
    'import ctypes, threading, time',
    'libc = ctypes.CDLL(None)',
    `named = threading.Barrier(${names.length + 1})`,
    'def run(name):',
    '    libc.prctl(15, name, 0, 0, 0)',
    '    named.wait()',
    '    time.sleep(300)',
    `for name in (${names.map((name) => `b"${name}", `).join('')}): threading.Thread(target=run, args=(name,), daemon=True).start()`,
    'named.wait()',
    'print("READY", flush=True)',
    'time.sleep(300)',
  ].join('\n');
}

/** Starts python3 with threads of these names; resolves with its pid once every thread has its name. */
export async function startNamedThreads(names: readonly string[]): Promise<number> {
  const child = spawnGroup('python3', ['-c', namedThreadsScript(names)], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  await waitFor(() => out.includes('READY'), { what: 'python3 threads named' });
  return child.pid;
}

/** The main thread ends by pthread_exit (ctypes lets go of the GIL for the call), the other sleeps on. */
const LEADER_EXITS = 'import ctypes, threading, time\nthreading.Thread(target=time.sleep, args=(300,)).start()\nctypes.CDLL(None).pthread_exit(None)';

/** Starts python3 and resolves with its pid once its leader is a zombie with a live thread (ps: Z, 2 threads). */
export async function startZombieLeader(): Promise<number> {
  const { pid } = spawnGroup('python3', ['-c', LEADER_EXITS]);
  await waitFor(() => /^Z\S*\s+2$/u.test(procps(['-o', 'stat=,nlwp=', '-p', String(pid)]).trim()), { what: 'a zombie leader with a live thread' });
  return pid;
}
