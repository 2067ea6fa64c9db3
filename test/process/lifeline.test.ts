// The lifeline (src/process/lifeline.ts), with real pipes: a child watches an
// inherited fd and learns of its starter's end from end-of-file alone.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnGroup, waitFor } from '../helpers/processes.js';

const LIFELINE = fileURLToPath(new URL('../../dist/process/lifeline.js', import.meta.url));

/**
 * A child watching fd 3 that prints `gone` when its other end closes, and has
 * nothing else to do. It also echoes stdin on an unref'd handle: an answer
 * comes only while something else keeps the process alive, so "kept alive" is
 * seen, not inferred from a pause.
 */
function watcher(keepAlive: boolean): ReturnType<typeof spawnGroup> {
  const code = `import(${JSON.stringify(LIFELINE)}).then(({ watchLifeline }) => {
    watchLifeline(3, () => { console.log('gone'); process.exit(0); }, { keepAlive: ${keepAlive} });
    console.log('watching');
    process.stdin.on('data', (data) => console.log('echo ' + String(data).trim())).unref();
  })`;
  return spawnGroup(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit', 'pipe'] });
}

/** Everything the child writes to stdout, once it has exited. */
function output(child: ReturnType<typeof spawnGroup>): Promise<string> {
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', () => resolve(text)));
}

describe('watchLifeline', () => {
  it('keeps the process alive until the other end closes, then says so', async () => {
    const child = watcher(true);
    const said = output(child);
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    await waitFor(() => text.includes('watching'), { what: 'the watcher to start' });
    child.stdin?.write('ping\n');
    await waitFor(() => text.includes('echo ping'), { what: 'the echo of a process kept alive' });
    expect(child.exitCode).toBeNull();
    child.stdio[3]?.destroy();
    expect(await said).toBe('watching\necho ping\ngone\n');
  });

  it('does not keep the process alive by default', async () => {
    expect(await output(watcher(false))).toBe('watching\n');
  });

  it('refuses an fd that is not open, saying so', async () => {
    const code = `import { watchLifeline } from ${JSON.stringify(LIFELINE)};
      try { watchLifeline(77, () => {}); } catch (error) { console.log(error.message); }`;
    const child = spawnGroup(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    expect(await output(child)).toMatch(/^cannot watch lifeline fd 77: it is not an open pipe or socket \(\w+\)\n$/u);
  });

  it('says it in the language procview hands on (PROCVIEW_LANG)', async () => {
    const code = `import { watchLifeline } from ${JSON.stringify(LIFELINE)};
      try { watchLifeline(77, () => {}); } catch (error) { console.log(error.message); }`;
    const env = { ...process.env, PROCVIEW_LANG: 'zh' };
    const child = spawnGroup(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'], env });
    expect(await output(child)).toMatch(/^无法监视生命线文件描述符 77：它不是打开的管道或套接字（\w+）\n$/u);
  });
});
