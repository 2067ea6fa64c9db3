// The fork storm's generator for `npm run bench:events`: `rate` short processes a second for
// `seconds`, each child _exit(0)s at once (no exec: the pattern is short processes) and is
// reaped. Paced on the monotonic clock; prints how many it forked and in how many seconds of
// forking (reaping a backlog of children not yet run, on a loaded machine, comes after).
// A small C program where a C compiler is (`cc`, the one the kernel events addon is built
// with): on a loaded 2-core virtual machine Python's fork() of its ~10 MB interpreter cost
// ~1.6 ms of system time and reached 150–800 forks/s; the C loop's fork of a ~1 MB process
// reached 1,000/s with CPU to spare. Else Python, else a shell loop of `true &`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const C_STORM = `
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(int argc, char **argv) {
  if (argc < 3) return 2;
  double rate = atof(argv[1]), secs = atof(argv[2]), start = now(), elapsed;
  long n = 0;
  while ((elapsed = now() - start) < secs) {
    long due = (long)(elapsed * rate);
    while (n < due) {
      pid_t pid = fork();
      if (pid == 0) _exit(0);
      if (pid < 0) break; /* EAGAIN: reap, then try again */
      n++;
    }
    while (waitpid(-1, NULL, WNOHANG) > 0) {}
    usleep(1000);
  }
  while (wait(NULL) > 0) {}
  printf("%ld %f\\n", n, elapsed);
  return 0;
}
`;

const PY_STORM = `
import os, sys, time
rate, secs = float(sys.argv[1]), float(sys.argv[2])
n = 0
start = time.monotonic()
while True:
    now = time.monotonic()
    if now - start >= secs:
        break
    due = int((now - start) * rate)
    while n < due:
        if os.fork() == 0:
            os._exit(0)
        n += 1
    try:
        while os.waitpid(-1, os.WNOHANG)[0] != 0:
            pass
    except ChildProcessError:
        pass
    time.sleep(0.001)
elapsed = time.monotonic() - start
try:
    while True:
        os.wait()
except ChildProcessError:
    pass
print(n, elapsed)
`;

export interface StormGenerator {
  /** 'C fork loop', 'python3 os.fork loop' or 'sh loop'. */
  readonly kind: string;
  /** Starts it (its own process group); resolves with processes forked and seconds of forking. */
  start(rate: number, seconds: number, onStarted: (pid: number) => void): Promise<{ forked: number; seconds: number }>;
  close(): void;
}

/** The Python interpreter's own path (a version manager's shim would fork processes of its own first), or undefined. */
function pythonPath(): string | undefined {
  const found = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path === '' ? undefined : path;
}

/** The C program compiled into a temporary directory, or undefined without a working `cc`. */
function compileC(): { binary: string; dir: string } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'procview-storm-'));
  writeFileSync(join(dir, 'storm.c'), C_STORM);
  const binary = join(dir, 'storm');
  const built = spawnSync('cc', ['-O2', '-o', binary, join(dir, 'storm.c')], { stdio: 'ignore' });
  if (built.status === 0) return { binary, dir };
  rmSync(dir, { recursive: true, force: true });
  return undefined;
}

function run(command: string, args: readonly string[], onStarted: (pid: number) => void): Promise<string> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'], detached: true });
  if (child.pid !== undefined) onStarted(child.pid);
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', () => resolve(printed)));
}

export function stormGenerator(): StormGenerator {
  const compiled = compileC();
  if (compiled !== undefined) {
    return {
      kind: 'C fork loop',
      async start(rate, seconds, onStarted) {
        const [forked = 0, secs = seconds] = (await run(compiled.binary, [String(rate), String(seconds)], onStarted)).trim().split(' ').map(Number);
        return { forked, seconds: secs };
      },
      close: () => rmSync(compiled.dir, { recursive: true, force: true }),
    };
  }
  const python = pythonPath();
  if (python !== undefined) {
    return {
      kind: 'python3 os.fork loop',
      async start(rate, seconds, onStarted) {
        const [forked = 0, secs = seconds] = (await run(python, ['-c', PY_STORM, String(rate), String(seconds)], onStarted)).trim().split(' ').map(Number);
        return { forked, seconds: secs };
      },
      close: () => undefined,
    };
  }
  return {
    kind: 'sh loop',
    async start(rate, seconds, onStarted) {
      const rounds = seconds * 10;
      const perRound = Math.round(rate / 10);
      const begun = performance.now();
      const script = `i=0; while [ $i -lt ${rounds} ]; do j=0; while [ $j -lt ${perRound} ]; do true & j=$((j+1)); done; sleep 0.1; i=$((i+1)); done; wait`;
      await run('sh', ['-c', script], onStarted);
      return { forked: rounds * perRound, seconds: (performance.now() - begun) / 1000 };
    },
    close: () => undefined,
  };
}
