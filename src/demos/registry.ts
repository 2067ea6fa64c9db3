// Every lesson, in teaching order: what `procview demo` lists and runs.
import { doubleForkDemo } from './double-fork.js';
import { exitDemo } from './exit.js';
import { forkDemo } from './fork.js';
import { niceDemo } from './nice.js';
import { orphanDemo } from './orphan.js';
import { statesDemo } from './states.js';
import type { Demo } from './types.js';
import { unixSocketDemo } from './unix-socket.js';
import { waitDemo } from './wait.js';
import { waitpidDemo } from './waitpid.js';
import { zombieDemo } from './zombie.js';

export const DEMOS: readonly Demo[] = [forkDemo, exitDemo, orphanDemo, zombieDemo, waitDemo, waitpidDemo, doubleForkDemo, niceDemo, statesDemo, unixSocketDemo];

export function findDemo(name: string): Demo | undefined {
  return DEMOS.find((demo) => demo.name === name);
}
