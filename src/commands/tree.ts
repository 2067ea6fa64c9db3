// `procview tree [PID]`: the process forest (or the subtree of PID), drawn as pstree draws it in UTF-8, or JSON.
import { formatTree } from '../inspect/format/tree-text.js';
import { messageIn, t } from '../text/i18n/message.js';
import { snapshotOnce } from '../inspect/inspector.js';
import { buildTree, findSubtree } from '../inspect/tree.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, fitToTerminal, parseCommandArgs, processIdArgument } from './args.js';
import { CommandError, UsageError } from '../base/errors.js';

const TREE_LINE = 'Usage: procview tree [PID] [-p|--pids] [--json] [-w|--wide]';
/** The one usage line printed after an error. */
export const TREE_SYNOPSIS = `${TREE_LINE}   (procview tree --help for more)`;

export const TREE_USAGE = messageIn('en', 'cli.help.tree');

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    {
      args: [...argv],
      options: { ...COMMON_OPTIONS, pids: { type: 'boolean', short: 'p' }, json: { type: 'boolean' }, wide: { type: 'boolean', short: 'w' } },
      allowPositionals: true,
    },
    TREE_SYNOPSIS,
  );
  if (answeredHelpOrVersion(values, `${t('cli.help.treeTitle')}\n\n${t('cli.help.tree')}`)) return 0;
  if (positionals.length > 1) throw new UsageError(t('cli.error.tooMany', { extra: positionals.slice(1).join(' ') }), TREE_SYNOPSIS);
  const pidText = positionals[0];
  const pid = pidText === undefined ? undefined : processIdArgument(pidText, TREE_SYNOPSIS);

  // The drawing shows names, pids and states only, and orders siblings by name, then by uid as
  // pstree does, which it takes from the owner of /proc/PID (fields 'pstree': one stat() instead of
  // reading status, the same effective uid). Command lines and every other field: for --json alone.
  const json = values.json === true;
  const snapshot = await snapshotOnce({ commandLines: json, fields: json ? 'all' : 'pstree' });
  const forest = buildTree(snapshot);
  let roots = forest;
  if (pid !== undefined) {
    const node = findSubtree(forest, pid);
    if (node === undefined) throw new CommandError(t('cli.error.noPidUpper', { pid }));
    roots = [node];
  }

  if (values.json === true) {
    const { stringifyForTerminal, treeDocument } = await import('../inspect/format/json.js');
    process.stdout.write(`${stringifyForTerminal(treeDocument(snapshot, roots))}\n`);
  } else {
    const lines = formatTree(roots, { pids: values.pids === true });
    process.stdout.write(`${fitToTerminal(lines, values.wide === true).join('\n')}\n`);
  }
  return 0;
}
