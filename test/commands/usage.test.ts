// Every command's bad command lines: exit 2, nothing on stdout, and on stderr
// exactly one line naming the problem and one usage line, as the README says.
// Also `procview help CMD`, and TERM=dumb in a real pseudo-terminal.
import pty from '@lydell/node-pty';
import { beforeAll, describe, expect, it } from 'vitest';
import { drainedExit } from '../e2e/helpers/pty-exit.js';
import { displayWidth } from '../../src/text/width.js';
import { CLI, ensureBuilt, REPO_ROOT, runCli } from '../helpers/run-cli.js';

beforeAll(ensureBuilt);

const BAD: readonly (readonly [string[], RegExp])[] = [
  [['nosuch'], /^procview: unknown command 'nosuch'$/u],
  [['help', 'nosuch'], /^procview: unknown command 'nosuch'$/u],
  [['--bogus'], /^procview: unknown option '--bogus'$/u],
  [['--watch'], /^procview: option '--watch <value>' argument missing$/u],
  [['-d', '0'], /^procview: -d must be a number of seconds from 0\.1 to 3600, not '0'$/u],
  [['ps', '--bogus'], /^procview: unknown option '--bogus'$/u],
  [['ps', '--format', 'x'], /^procview: unknown format 'x'/u],
  [['tree', '1', '2'], /^procview: too many arguments: 2$/u],
  [['tree', 'abc'], /^procview: invalid PID 'abc'/u],
  [['demo', 'a', 'b'], /^procview: one lesson at a time$/u],
  [['demo', 'nosuch'], /^procview: unknown demo 'nosuch' \(lessons: fork, .*\)$/u],
  [['demo', 'zombie', '--hold', '-1'], /^procview: --hold must be a number of seconds from 0\.1 to 3600, not '-1'$/u],
  [['demo', 'zombie', '--hold'], /^procview: option '--hold <value>' argument missing$/u],
  [['demo', 'zombie', '--plain', '--lang'], /^procview: option '--lang <value>' argument missing$/u],
  [
    ['demo', 'zombie', '--hold', '--plain'],
    /^procview: option '--hold' is missing its value: the argument after it starts with '-' \(a value that does is written --hold=-1\)$/u,
  ],
  [['record', ''], /^procview: record needs a FILE to write$/u],
  [['chat'], /^procview: chat needs server, client or say$/u],
  [['chat', 'nope'], /^procview: unknown chat command 'nope'$/u],
  [['chat', 'server', '--lang', 'fr'], /^procview: --lang must be en or zh, not 'fr'$/u],
  [['chat', 'server', '--burst', '0'], /^procview: --burst must be/u],
  [['chat', 'client', 'a', 'b', 'c'], /^procview: too many arguments: c$/u],
  [['chat', 'client', '--heartbeat', 'x'], /^procview: --heartbeat must be/u],
  [['chat', 'say'], /^procview: say needs the text to say$/u],
  [['serve'], /^procview: serve needs --metrics/u],
  [['serve', '--metrics', '--listen', 'x'], /^procview: --listen needs HOST:PORT/u],
];

describe('usage errors', () => {
  it.each(BAD)('procview %j: one line naming the problem, one usage line, exit 2', async (args, problem) => {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.split('\n');
    expect(lines.at(-1)).toBe(''); // ends with a newline
    expect(lines.slice(0, -1)).toHaveLength(2);
    expect(lines[0]).toMatch(problem);
    expect(lines[1]).toMatch(/^Usage: procview/u);
  });

  it('in Chinese: a missing value names the option alone, and a usage line that names its help keeps it (chat server)', async () => {
    const missing = await runCli(['events', '--watch', '--lang', 'zh']);
    expect(missing.stderr.split('\n')[0]).toBe("procview: 选项 '--watch' 缺少值");
    const dash = await runCli(['demo', 'zombie', '--hold', '--plain', '--lang', 'zh']);
    expect(dash.stderr.split('\n')[0]).toBe("procview: 选项 '--hold' 缺少值：它后面的参数以 '-' 开头（以 - 开头的值请写成 --hold=-1）");
    const server = await runCli(['chat', 'server', '--bogus', '--lang', 'zh']);
    expect(server.stderr.split('\n')[1]).toBe('用法：procview chat server [OPTIONS]   （procview chat server --help 查看更多）');
  });

  it('--hold -1 names the valid range, not "ambiguous"', async () => {
    const { stderr } = await runCli(['demo', 'zombie', '--hold', '-1']);
    expect(stderr).not.toMatch(/ambiguous/u);
    expect(stderr).toContain('from 0.1 to 3600');
  });
});

describe('procview help COMMAND', () => {
  it.each(['ps', 'tree', 'demo', 'chat', 'serve'])('help %s prints what %s --help prints', async (command) => {
    const [viaHelp, viaFlag] = await Promise.all([runCli(['help', command]), runCli([command, '--help'])]);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toContain(`Usage: procview ${command}`);
  });

  it.each(['ps', 'tree', 'demo', 'chat', 'serve', 'events', 'run', 'record', 'replay'])('%s --help --lang zh says 用法, not Usage', async (command) => {
    const { code, stdout } = await runCli([command, '--help', '--lang', 'zh']);
    expect(code).toBe(0);
    expect(stdout).toContain(`用法：procview ${command}`);
    expect(stdout).not.toContain('Usage:');
  });
});

/** The flags a synopsis names (`-d`, `--record`, …), without the --help and --version every command takes. */
function flagsOf(synopsis: string): string[] {
  const flags = [...synopsis.matchAll(/(?:^|[\s[|])(--?[A-Za-z][\w-]*)/gu)].map((match) => match[1] ?? '');
  return [...new Set(flags)].filter((flag) => flag !== '--help' && flag !== '--version');
}

/** The usage lines of a help text that start with `procview`, each with the continuation lines under it. */
function synopses(help: string): string[] {
  const out: string[] = [];
  for (const line of help.split('\n')) {
    if (/^(Usage: |用法：|\s+)procview\b/u.test(line)) out.push(line);
    else if (/^\s+\[/u.test(line) && out.length > 0) out[out.length - 1] += `\n${line}`;
    else if (line.trim() === '' || /^\s*-/u.test(line)) continue;
  }
  return out;
}

/** The display column where each synopsis line's description starts (after two spaces or more), measured as a terminal does. */
function descriptionColumns(help: string): number[] {
  return synopses(help).flatMap((block) => {
    const first = block.split('\n')[0] ?? '';
    const before = /^(.*\S\s{2,})\S/u.exec(first)?.[1];
    return before === undefined ? [] : [displayWidth(before)];
  });
}

describe('help texts', () => {
  it("procview --help names every flag of each command, as that command's own help does", async () => {
    const overview = synopses((await runCli(['--help'])).stdout);
    const own: Record<string, string[]> = {
      dashboard: ['-d', '1', '--help'],
      ps: ['ps', '--help'],
      tree: ['tree', '--help'],
      demo: ['demo', '--help'],
      serve: ['serve', '--help'],
      events: ['events', '--help'],
      run: ['run', '--help'],
      record: ['record', '--help'],
      replay: ['replay', '--help'],
    };
    for (const [command, args] of Object.entries(own)) {
      const help = (await runCli(args)).stdout;
      const word = command === 'dashboard' ? /^procview \[/u : new RegExp(`^procview ${command}\\b`, 'u');
      const flags = synopses(help).flatMap((block) => flagsOf(block.replace(/^(Usage: |用法：)/u, '').trim()));
      const line = overview.find((block) => word.test(block.replace(/^(Usage: |\s+)/u, '')));
      expect(line, command).toBeDefined();
      expect(flags.length, command).toBeGreaterThan(0);
      for (const flag of flags) expect(flagsOf(line ?? ''), `${command}: ${flag}`).toContain(flag);
    }
  });

  it.each([[['--help']], [['--help', '--lang', 'zh']], [['demo', '--help']], [['demo', '--help', '--lang', 'zh']]])(
    '%j: every description starts in one column, measured by display width',
    async (args) => {
      const columns = descriptionColumns((await runCli(args)).stdout);
      expect(columns.length).toBeGreaterThan(1);
      expect(new Set(columns).size, columns.join(' ')).toBe(1);
    },
  );

  it('says --lang defaults to PROCVIEW_LANG before the locale, in both languages', async () => {
    for (const args of [['--help'], ['--help', '--lang', 'zh'], ['chat', 'server', '--help'], ['chat', 'server', '--help', '--lang', 'zh']]) {
      const { stdout } = await runCli(args);
      const said = stdout.split('\n').findIndex((line) => line.includes('--lang en|zh') && !line.includes('procview chat'));
      expect(said, args.join(' ')).toBeGreaterThanOrEqual(0);
      const words = stdout
        .split('\n')
        .slice(said, said + 2)
        .join(' ');
      expect(words, args.join(' ')).toMatch(/PROCVIEW_LANG.*LC_ALL.*LC_MESSAGES.*LANG/u);
    }
  });
});

/** The CLI in a pseudo-terminal with TERM=dumb: its whole output, read to the end, and its exit code. */
async function inDumbTerminal(args: readonly string[]): Promise<{ code: number; output: string }> {
  const term = pty.spawn(process.execPath, [CLI, ...args], { cols: 100, rows: 30, cwd: REPO_ROOT, env: { ...process.env, TERM: 'dumb' } });
  let output = '';
  term.onData((data) => {
    output += data;
  });
  const { exitCode } = await drainedExit(term);
  return { code: exitCode, output };
}

describe('TERM=dumb', () => {
  it('the dashboard refuses like on a pipe, pointing at procview ps, exit 2, and draws nothing', async () => {
    const { code, output } = await inDumbTerminal([]);
    expect(code).toBe(2);
    expect(output).toContain('procview: the dashboard needs a terminal (TERM=dumb');
    expect(output).toContain('procview ps');
    expect(output).not.toContain('\u001b');
  });

  it('a lesson runs as plain text and says why', async () => {
    const { code, output } = await inDumbTerminal(['demo', 'fork', '--hold', '0.1']);
    expect(output).toContain('TERM=dumb: this terminal cannot move the cursor; running the lesson as plain text');
    expect(output).toContain('result: the lesson was observed.');
    expect(output).not.toContain('\u001b[?1049h'); // never entered the alternate screen
    expect(code).toBe(0);
  });
});
