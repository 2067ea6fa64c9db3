// `--group NAME=REGEX`: named groups of processes, as process-exporter users
// know them (its namegroups). A process belongs to the first group that
// matches it, so the groups never count a process twice. The label is the
// NAME the user chose; what the regex reads (comm, or the command line with
// `cmdline:`) never becomes a label value.
import type { ProcInfo } from '../inspect/types.js';
import { t } from '../text/i18n/message.js';

export interface GroupSpec {
  readonly name: string;
  /** What the pattern is tested against: comm (default) or the whole command line. */
  readonly field: 'comm' | 'cmdline';
  readonly pattern: RegExp;
}

/** Bounds the series the groups add (each group: a handful of series per state). */
export const MAX_GROUPS = 50;
const GROUP_NAME = /^[A-Za-z0-9_.:-]{1,64}$/u;

/** Parses one `NAME=REGEX` / `NAME=comm:REGEX` / `NAME=cmdline:REGEX`; throws an Error saying what is wrong. */
export function parseGroupSpec(text: string): GroupSpec {
  const equals = text.indexOf('=');
  if (equals < 0) throw new Error(t('cli.serve.group.noEquals', { text }));
  const name = text.slice(0, equals);
  if (!GROUP_NAME.test(name)) {
    throw new Error(t('cli.serve.group.badName', { name }));
  }
  let source = text.slice(equals + 1);
  let field: GroupSpec['field'] = 'comm';
  if (source.startsWith('cmdline:')) {
    field = 'cmdline';
    source = source.slice('cmdline:'.length);
  } else if (source.startsWith('comm:')) {
    source = source.slice('comm:'.length);
  }
  if (source === '') throw new Error(t('cli.serve.group.noRegex', { name }));
  try {
    // No g or y flag: a RegExp with one keeps lastIndex between tests.
    return { name, field, pattern: new RegExp(source, 'u') };
  } catch (error) {
    throw new Error(t('cli.serve.group.badRegex', { name, why: error instanceof Error ? error.message : String(error) }));
  }
}

/** Checks a whole list: unique names, at most MAX_GROUPS. */
export function parseGroupSpecs(texts: readonly string[]): GroupSpec[] {
  if (texts.length > MAX_GROUPS) throw new Error(t('cli.serve.group.tooMany', { max: MAX_GROUPS }));
  const specs = texts.map(parseGroupSpec);
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.name)) throw new Error(t('cli.serve.group.twice', { name: spec.name }));
    seen.add(spec.name);
  }
  return specs;
}

/**
 * The index of the first group a process belongs to, or -1. Backends hand out
 * the same frozen record while a process does not change, so the answer is
 * kept per record: a steady scrape tests each regex once per changed process.
 * The exporter itself is in no group, as --watch leaves procview out: its
 * command line holds every pattern it was given (`--group x=cmdline:RE`). So is
 * what started it with those arguments (`sudo procview serve …`, `sh -c "…"`):
 * a process whose command line holds the exporter's own arguments, `self.args`.
 */
export function groupMatcher(specs: readonly GroupSpec[], self?: { readonly pid: number; readonly args: string }): (proc: ProcInfo) => number {
  const known = new WeakMap<ProcInfo, number>();
  return (proc) => {
    if (self !== undefined && (proc.pid === self.pid || (self.args !== '' && proc.args?.includes(self.args) === true))) return -1;
    const cached = known.get(proc);
    if (cached !== undefined) return cached;
    const index = specs.findIndex((spec) => {
      const text = spec.field === 'comm' ? proc.comm : proc.args;
      return text !== undefined && spec.pattern.test(text);
    });
    known.set(proc, index);
    return index;
  };
}
