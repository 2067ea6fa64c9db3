// node:child_process, required the first time a child is started rather than
// imported. Loading it loads node:net, node:dgram and the stream classes with
// it: about 5 ms of a one-shot `procview ps` here (node -e 0 with and without
// require('node:child_process'), 21 interleaved runs), spent on every run for
// a child those commands start only now and then: getent for a uid
// /etc/passwd lacks, ps where there is no /proc.
import type * as ChildProcess from 'node:child_process';
import { createRequire } from 'node:module';

let loaded: typeof ChildProcess | undefined;

export function childProcess(): typeof ChildProcess {
  loaded ??= createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
  return loaded;
}
