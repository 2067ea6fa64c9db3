// `procview ps`: one snapshot, printed as `ps -ajx` or `ps aux` columns, or JSON.
import { formatPsTable, PS_FORMATS, procsByPid, type PsFormat } from '../inspect/format/ps-table.js';
import { messageIn, t } from '../text/i18n/message.js';
import { snapshotOnce } from '../inspect/inspector.js';
import { answeredHelpOrVersion, COMMON_OPTIONS, fitToTerminal, parseCommandArgs } from './args.js';
import { UsageError } from '../base/errors.js';

const PS_LINE = 'Usage: procview ps [--format j|aux] [--json] [-w|--wide]';
/** The one usage line printed after an error. */
export const PS_SYNOPSIS = `${PS_LINE}   (procview ps --help for more)`;

export const PS_USAGE = messageIn('en', 'cli.help.ps');

function isPsFormat(value: string): value is PsFormat {
  return (PS_FORMATS as readonly string[]).includes(value);
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    {
      args: [...argv],
      options: { ...COMMON_OPTIONS, format: { type: 'string' }, json: { type: 'boolean' }, wide: { type: 'boolean', short: 'w' } },
      allowPositionals: false,
    },
    PS_SYNOPSIS,
  );
  if (answeredHelpOrVersion(values, `${t('cli.help.psTitle')}\n\n${t('cli.help.ps')}`)) return 0;
  const format = values.format ?? 'j';
  if (!isPsFormat(format)) {
    throw new UsageError(t('cli.error.psFormat', { format, formats: PS_FORMATS.join(t('cli.or')) }), PS_SYNOPSIS);
  }

  const snapshot = await snapshotOnce();
  if (values.json === true) {
    const { psDocument, stringifyForTerminal } = await import('../inspect/format/json.js');
    process.stdout.write(`${stringifyForTerminal(psDocument(snapshot, procsByPid(snapshot)))}\n`);
  } else {
    process.stdout.write(`${fitToTerminal(formatPsTable(snapshot, format), values.wide === true).join('\n')}\n`);
  }
  return 0;
}
