// Waiting for the admin child to start (src/chat/admin-start.ts), with real
// children on a real IPC channel. Once started, nothing of the wait may stay
// behind: the first IPC error of a running room must not be taken for a failed
// start (which SIGKILLs the admin).
import { describe, expect, it } from 'vitest';
import { awaitAdminReady } from '../../src/chat/admin-start.js';
import { isAlive, spawnGroup, waitFor } from '../helpers/processes.js';

/** A child on an IPC channel running `code` (CommonJS). */
function child(code: string) {
  return spawnGroup(process.execPath, ['-e', code], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

describe('awaitAdminReady', () => {
  it('leaves no listener behind: a later IPC error does not kill a started admin', async () => {
    // Says ready, then closes its end of the channel and lives on (as an admin that
    // lost the channel for a moment would, before it noticed).
    const admin = child(`process.send({ type: 'ready' }, () => process.disconnect()); setInterval(() => {}, 1000);`);
    const listenersBefore = { error: admin.listenerCount('error'), exit: admin.listenerCount('exit'), message: admin.listenerCount('message') };
    await awaitAdminReady(admin, 10_000);
    expect({ error: admin.listenerCount('error'), exit: admin.listenerCount('exit'), message: admin.listenerCount('message') }).toEqual(listenersBefore);

    await waitFor(() => !admin.connected, { what: 'the channel to close' });
    // The server's own handler, as in server.ts: a warning, never fatal.
    const errors: Error[] = [];
    admin.on('error', (error) => errors.push(error));
    admin.send({ type: 'line', line: 'to a closed channel' }); // no callback: Node emits 'error'
    await waitFor(() => errors.length > 0, { what: 'the IPC error' });
    expect((errors[0] as NodeJS.ErrnoException).code).toBe('ERR_IPC_CHANNEL_CLOSED');
    expect(admin.killed).toBe(false);
    expect(isAlive(admin.pid ?? 0)).toBe(true);
  });

  it('rejects with the reason a failing admin gives, and ends it', async () => {
    const admin = child(`process.send({ type: 'failed', message: 'cannot bind the socket' }); setInterval(() => {}, 1000);`);
    const exited = new Promise((resolve) => admin.once('exit', (_code, signal) => resolve(signal)));
    await expect(awaitAdminReady(admin, 10_000)).rejects.toThrow('cannot bind the socket');
    expect(await exited).toBe('SIGKILL');
    expect(admin.listenerCount('message')).toBe(0);
  });

  it('rejects when the admin ends before it is ready', async () => {
    const admin = child('process.exit(7)');
    await expect(awaitAdminReady(admin, 10_000)).rejects.toThrow('the admin process ended at start (code 7)');
  });
});
