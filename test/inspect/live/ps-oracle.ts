// procps `ps` as an independent oracle: one column at a time, for given pids,
// every column wide enough, in a UTF-8 locale with C conventions (controls and
// invalid UTF-8 shown as `?`, English month names).
import { execFile } from 'node:child_process';

/** keyword → (pid → the text ps printed, trimmed). */
export async function psColumns(pids: readonly number[], keywords: readonly string[]): Promise<Map<string, Map<number, string>>> {
  const columns = new Map<string, Map<number, string>>();
  await Promise.all(
    keywords.map(async (keyword) => {
      columns.set(keyword, await psColumn(pids, keyword));
    }),
  );
  return columns;
}

function psColumn(pids: readonly number[], keyword: string): Promise<Map<number, string>> {
  const args = ['-ww', '-p', pids.join(','), '-o', 'pid=PID_______', '-o', `${keyword}=${'V'.repeat(80)}`];
  return new Promise((resolve, reject) => {
    execFile('ps', args, { env: { ...process.env, LC_ALL: 'C.UTF-8' }, encoding: 'utf8' }, (error, stdout) => {
      // ps exits 1 when one of the pids is gone; what it printed is still right.
      if (error !== null && stdout === '') {
        reject(error);
        return;
      }
      const values = new Map<number, string>();
      for (const line of stdout.split('\n').slice(1)) {
        const match = /^\s*(\d+) (.*)$/.exec(line);
        if (match?.[1] !== undefined && match[2] !== undefined) values.set(Number(match[1]), match[2].trim());
      }
      resolve(values);
    });
  });
}

/** lstart (`Sun Nov 29 19:35:50 2026`, local time) in ms since the epoch. */
export function parseLstartText(text: string): number {
  return new Date(text.replace(/\s+/g, ' ')).getTime();
}
