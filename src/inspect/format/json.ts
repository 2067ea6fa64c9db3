// JSON for scripts. JSON.stringify drops `undefined`, which would make a
// field vanish exactly when it is unknown; instead every ProcInfo field is
// always present, and unknown is `null`. Text stays raw (JSON escapes
// controls itself), so a script sees the real name.
import type { ProcInfo, TreeNode } from '../types.js';

/** Every ProcInfo field, in the order of types.ts. */
export const PROC_FIELDS = [
  'pid',
  'ppid',
  'pgid',
  'sid',
  'tty',
  'tpgid',
  'state',
  'stat',
  'nice',
  'priority',
  'threads',
  'uid',
  'user',
  'startTime',
  'cpuPercent',
  'memPercent',
  'rssBytes',
  'vszBytes',
  'timeSeconds',
  'comm',
  'args',
] as const satisfies readonly (keyof ProcInfo)[];

// Fails to compile when ProcInfo gains a field that PROC_FIELDS lacks.
type MissingField = Exclude<keyof ProcInfo, (typeof PROC_FIELDS)[number]>;
const allFieldsListed: [MissingField] extends [never] ? true : MissingField = true;
void allFieldsListed;

export type ProcJson = { [K in keyof ProcInfo]-?: Exclude<ProcInfo[K], undefined> | null };

export function procToJson(proc: ProcInfo): ProcJson {
  const out: Record<string, unknown> = {};
  for (const field of PROC_FIELDS) out[field] = proc[field] ?? null;
  return out as ProcJson;
}

export interface TreeJson {
  readonly proc: ProcJson;
  readonly children: readonly TreeJson[];
}

/** TreeNode shape (`{ proc, children }`), no folding. */
export function treeToJson(node: TreeNode): TreeJson {
  return { proc: procToJson(node.proc), children: node.children.map(treeToJson) };
}

// JSON.stringify escapes C0 but leaves DEL, C1 (U+009B is a one-character
// CSI to some terminals) and bidi overrides raw. Escaping them keeps the same
// data and makes `procview ps --json` safe to print on a terminal.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** JSON.stringify, pretty, with every character that could steer a terminal written as `\uXXXX`. */
export function stringifyForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    RAW_IN_JSON,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
