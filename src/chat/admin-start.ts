// Waiting for the admin child to say it is ready. Everything this wait hangs
// on the child is taken off again once it is settled, either way: a listener
// left behind would turn the first IPC error of a running room into a
// "failed start" and SIGKILL the admin (server.ts keeps its own, harmless one).
import type { ChildProcess } from 'node:child_process';
import { t } from '../text/i18n/message.js';
import { asToServer } from './admin-ipc.js';

/** Resolves when `child` sends `ready`; on failure, timeout or early exit it is SIGKILLed and this rejects. */
export function awaitAdminReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(t('chat.admin.didNotStart'))), timeoutMs);
    const settle = (): void => {
      clearTimeout(timer);
      child.removeListener('message', onMessage);
      child.removeListener('exit', onExit);
      child.removeListener('error', fail);
    };
    function fail(error: Error): void {
      settle();
      child.kill('SIGKILL');
      reject(error);
    }
    function onMessage(raw: unknown): void {
      const message = asToServer(raw);
      if (message?.type === 'failed') return fail(new Error(message.message));
      if (message?.type !== 'ready') return;
      settle();
      resolve();
    }
    function onExit(code: number | null): void {
      fail(new Error(t('chat.admin.endedAtStart', { how: code === null ? t('chat.admin.noCode') : t('chat.admin.code', { code }) })));
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', fail);
  });
}
