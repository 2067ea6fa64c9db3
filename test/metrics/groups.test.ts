// --group NAME=REGEX: parsing, the bounds, and first-match-wins.
import { describe, expect, it } from 'vitest';
import { groupMatcher, MAX_GROUPS, parseGroupSpec, parseGroupSpecs } from '../../src/metrics/groups.js';
import { setLanguage } from '../../src/text/i18n/lang.js';
import { proc } from '../inspect/diff-builders.js';

describe('parseGroupSpec', () => {
  it('reads NAME=REGEX over comm, and cmdline:/comm: prefixes', () => {
    expect(parseGroupSpec('db=^postgres')).toMatchObject({ name: 'db', field: 'comm' });
    expect(parseGroupSpec('web=cmdline:node .*server')).toMatchObject({ name: 'web', field: 'cmdline' });
    expect(parseGroupSpec('x=comm:a=b').pattern.source).toBe('a=b');
  });

  it('says what is wrong with a bad one', () => {
    expect(() => parseGroupSpec('nothing')).toThrow(/NAME=REGEX/u);
    expect(() => parseGroupSpec('bad name=x')).toThrow(/must be 1 to 64/u);
    expect(() => parseGroupSpec('a=')).toThrow(/needs a regular expression/u);
    expect(() => parseGroupSpec('a=(')).toThrow(/invalid regular expression/u);
    expect(() => parseGroupSpecs(['a=x', 'a=y'])).toThrow(/given twice/u);
    expect(() => parseGroupSpecs(Array.from({ length: MAX_GROUPS + 1 }, (_, i) => `g${i}=x`))).toThrow(/at most/u);
  });

  it('says it in the chosen language (procview serve --lang zh)', ({ onTestFinished }) => {
    onTestFinished(() => setLanguage(undefined));
    setLanguage('zh');
    expect(() => parseGroupSpec('nothing')).toThrow('--group 需要 NAME=REGEX 的形式，而不是“nothing”');
    expect(() => parseGroupSpec('bad name=x')).toThrow('--group 的名字“bad name”必须是 1 到 64 个字母、数字或 . _ : -');
    expect(() => parseGroupSpec('a=')).toThrow('--group a 在“=”之后需要一个正则表达式');
    expect(() => parseGroupSpec('a=(')).toThrow(/^--group a：无效的正则表达式：/u);
    expect(() => parseGroupSpecs(['a=x', 'a=y'])).toThrow('--group a 给了两次');
    expect(() => parseGroupSpecs(Array.from({ length: MAX_GROUPS + 1 }, (_, i) => `g${i}=x`))).toThrow(`--group 选项最多 ${MAX_GROUPS} 个`);
  });
});

describe('groupMatcher', () => {
  it('gives the first matching group, -1 for none, and reads an unknown field as no match', () => {
    const of = groupMatcher(parseGroupSpecs(['a=^sl', 'b=cmdline:30']));
    expect(of(proc({ pid: 1, comm: 'sleep', args: 'sleep 30' }))).toBe(0);
    expect(of(proc({ pid: 2, comm: 'cat', args: 'cat 30' }))).toBe(1);
    expect(of(proc({ pid: 3, comm: 'cat', args: undefined }))).toBe(-1);
  });

  it('puts the exporter itself in no group, nor what started it with its arguments: their command lines hold every pattern', () => {
    const of = groupMatcher(parseGroupSpecs(['x=cmdline:hfself']), { pid: 77, args: 'serve --metrics --group x=cmdline:hfself' });
    expect(of(proc({ pid: 77, comm: 'node', args: 'node procview serve --metrics --group x=cmdline:hfself' }))).toBe(-1);
    expect(of(proc({ pid: 76, comm: 'sudo', args: 'sudo procview serve --metrics --group x=cmdline:hfself' }))).toBe(-1);
    expect(of(proc({ pid: 78, comm: 'hfself', args: './hfself' }))).toBe(0);
  });
});
