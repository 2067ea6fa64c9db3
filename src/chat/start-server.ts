// Starting a chat server from outside the room (the dashboard's `--watch
// chat` when none runs) and stopping it again: only one that was started here.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { stopChild } from '../process/child-exit.js';
import { t } from '../text/i18n/message.js';
import { languageEnv } from '../text/i18n/lang.js';

const STOP_TIMEOUT_MS = 3000;
/** After SIGKILL, how long to wait for the exit to be reported. */
const KILL_TIMEOUT_MS = 1000;
/** The fd the started server inherits its lifeline on (after stdin, stdout, stderr). */
const LIFELINE_FD = 3;

/** A server this dashboard started, and whether it is known to have exited. */
export interface StartedServer {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Settles when Node reports the exit; the pid is reaped then, and may be reused. */
  readonly exited: Promise<void>;
}

/**
 * Starts `procview chat server` detached (its own process group), stdin
 * ignored, holding one end of a lifeline pipe on fd 3. Only this process
 * holds the other end (Node opens it close-on-exec), so when the dashboard
 * dies, even by SIGKILL, the server reads end-of-file and closes the room.
 */
export function startServer(port: number): StartedServer {
  const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
  const args = [cli, 'chat', 'server', '--port', String(port), '--lifeline-fd', String(LIFELINE_FD)];
  // The room speaks the dashboard's language (--lang outranks the locale there; PROCVIEW_LANG hands it on).
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'pipe'], env: { ...process.env, ...languageEnv() } });
  const server = trackStarted(child);
  child.unref();
  // Never read, never closed: it only has to stay open while we live. Unref'd, it keeps nothing waiting.
  const lifeline = child.stdio[LIFELINE_FD];
  if (lifeline !== null && lifeline !== undefined && 'unref' in lifeline) (lifeline as Socket).unref();
  return server;
}

/** Watches a started child's exit from the moment it is spawned. */
export function trackStarted(child: ChildProcess): StartedServer {
  child.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error(t('chat.admin.notStarted'));
  return { pid: child.pid, child, exited };
}

/**
 * SIGTERM to the server's group, then SIGKILL if it has not exited within
 * `graceMs`; each only while its leader's exit is unreported (stopChild).
 */
export async function stopServer(server: StartedServer, graceMs = STOP_TIMEOUT_MS): Promise<void> {
  await stopChild(server.child, { graceMs, group: true, killWaitMs: KILL_TIMEOUT_MS });
}
