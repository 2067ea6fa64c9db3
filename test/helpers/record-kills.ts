// Spies on process.kill (passing every call through) so a test can check
// which signals went where — e.g. that nothing is sent after a child exited.
import { vi } from 'vitest';

export type KillCall = [pid: number, signal: string | number | undefined];

/** The process.kill calls made from here on; restore with vi.restoreAllMocks(). */
export function recordKills(): KillCall[] {
  const calls: KillCall[] = [];
  const real = process.kill.bind(process);
  vi.spyOn(process, 'kill').mockImplementation((pid: number, signal?: string | number) => {
    calls.push([pid, signal]);
    return real(pid, signal);
  });
  return calls;
}
