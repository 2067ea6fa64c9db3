// `procview tree [PID]`: the tree of PID 1 (or the subtree of PID), drawn as pstree draws it in UTF-8, or JSON.
import { formatThread, formatTree } from '../inspect/format/tree-text.js';
import { messageIn, t } from '../text/i18n/message.js';
import { snapshotOnce } from '../inspect/inspector.js';
import { buildTree, findSubtree, initTree } from '../inspect/tree.js';
import type { Snapshot, ThreadInfo } from '../inspect/types.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, parseCommandArgs, processIdArgument } from './args.js';
import { treeOutputWidth } from './tree-width.js';
import { CommandError, UsageError } from '../base/errors.js';

const TREE_LINE = 'Usage: procview tree [PID] [-p|--pids] [-T|--hide-threads] [-t|--thread-names] [--json] [-w|-l|--wide]';
/** The one usage line printed after an error. */
export const TREE_SYNOPSIS = `${TREE_LINE}   (procview tree --help for more)`;

export const TREE_USAGE = messageIn('en', 'cli.help.tree');

const TREE_OPTIONS = {
  ...COMMON_OPTIONS,
  pids: { type: 'boolean', short: 'p' },
  'hide-threads': { type: 'boolean', short: 'T' },
  'thread-names': { type: 'boolean', short: 't' },
  json: { type: 'boolean' },
  wide: { type: 'boolean', short: 'w' },
  // pstree's name for --wide
  long: { type: 'boolean', short: 'l' },
} as const;

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({ args: [...argv], options: TREE_OPTIONS, allowPositionals: true }, TREE_SYNOPSIS);
  if (answeredHelpOrVersion(values, `${t('cli.help.treeTitle')}\n\n${t('cli.help.tree')}`)) return 0;
  if (positionals.length > 1) throw new UsageError(t('cli.error.tooMany', { extra: positionals.slice(1).join(' ') }), TREE_SYNOPSIS);
  const pidText = positionals[0];
  const pid = pidText === undefined ? undefined : processIdArgument(pidText, TREE_SYNOPSIS);

  // The drawing shows names, pids and states only, and orders siblings by name, then by uid as
  // pstree does, which it takes from the owner of /proc/PID (fields 'pstree': one stat() instead of
  // reading status, the same effective uid). Command lines and every other field: for --json alone.
  // Threads: their ids (a thread is drawn with its process's name, as pstree without -t), their own
  // names for -t and --json; none for -T.
  const json = values.json === true;
  const threadNames = values['thread-names'] === true;
  const threads = values['hide-threads'] === true ? undefined : json || threadNames ? 'names' : 'ids';
  const snapshot = await snapshotOnce({ commandLines: json, fields: json ? 'all' : 'pstree', threads });
  const forest = buildTree(snapshot);
  const node = pid === undefined ? undefined : findSubtree(forest, pid);
  const thread = pid === undefined || node !== undefined ? undefined : threadOf(snapshot, pid);
  const owner = thread === undefined ? undefined : findSubtree(forest, thread.owner);
  // PID 1 hidden from this user (hidepid): its tree is still the one under a `?` for it, as pstree -U 1 draws it.
  const hiddenInit = pid === 1 && node === undefined;
  if (pid !== undefined && node === undefined && owner === undefined && !hiddenInit) throw new CommandError(t('cli.error.noPidUpper', { pid }));

  if (json) {
    // Every process once: the whole forest without a PID (no stand-ins); for a thread's id, its process.
    const subject = node ?? owner;
    const roots = subject === undefined ? forest : [subject];
    const { stringifyForTerminal, treeDocument } = await import('../inspect/format/json.js');
    process.stdout.write(`${stringifyForTerminal(treeDocument(snapshot, roots))}\n`);
    return 0;
  }
  const wide = values.wide === true || values.long === true;
  const options = {
    pids: values.pids === true,
    threads: snapshot.threads,
    threadNames,
    width: wide ? undefined : treeOutputWidth(process.env, process.stdout.isTTY ? process.stdout.columns : undefined),
  };
  const lines =
    thread !== undefined && owner !== undefined ? formatThread(owner.proc, thread.thread, options) : formatTree([node ?? initTree(forest)], options);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** The process `tid` is a thread of, when it is one (pstree finds a thread by its id as it finds a process). */
function threadOf(snapshot: Snapshot, tid: number): { owner: number; thread: ThreadInfo } | undefined {
  for (const [owner, threads] of snapshot.threads ?? []) {
    const thread = threads.find((candidate) => candidate.tid === tid);
    if (thread !== undefined) return { owner, thread };
  }
  return undefined;
}
