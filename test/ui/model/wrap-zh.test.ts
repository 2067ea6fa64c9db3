// Wrapping Chinese: a line may end between two Han characters (Chinese has no
// spaces), never inside a run of narrow characters (a pid, waitpid(), a path
// from a placeholder) or a character, and a closing mark never starts a line.
// (A piece wider than a whole line is cut with …, in English as in Chinese.)
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/text/width.js';
import { breakPieces, wordWrap } from '../../../src/ui/model/wrap.js';

describe('wrapping Chinese', () => {
  it('breaks between Han characters, keeps narrow runs and closing marks with their neighbours', () => {
    expect(breakPieces('父进程26248调用waitpid()。')).toEqual(['父', '进', '程', '26248', '调', '用', 'waitpid()。']);
    expect(breakPieces('（Enter')).toEqual(['（Enter']);
    expect(breakPieces('plain-ascii')).toEqual(['plain-ascii']);
  });

  it('fills each line to at most its width in cells and loses nothing', () => {
    const text = '子进程已经退出，但它的父进程 26248 还没有调用 waitpid()；ps 显示为 "[procview lesson] <defunct>"';
    for (const width of [16, 17, 24, 40]) {
      const lines = wordWrap(text, width);
      for (const line of lines) expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      for (const line of lines.slice(1)) expect(line[0], `${width}: ${lines.join('|')}`).not.toMatch(/[，。；：）」]/u);
      // Lines end at a space (dropped) or between two characters: joined back, nothing is missing.
      expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      for (const token of ['26248', 'waitpid()；ps', '<defunct>"'])
        expect(
          lines.some((line) => line.includes(token)),
          `${width}: ${token}`,
        ).toBe(true);
    }
  });

  it('wraps English exactly as before: at spaces only', () => {
    expect(wordWrap('the parent is alive (asleep), its event loop stopped', 20)).toEqual(['the parent is alive', '(asleep), its event', 'loop stopped']);
  });
});

describe('wrapping Chinese numbers', () => {
  it('never ends a line between a number and its measure word', () => {
    // `被 1 号进程（init）收养` at a width that ended a line right after the 1.
    const text = '孤儿进程被 1 号进程（init）收养，1.4 秒内';
    for (let width = 8; width <= 30; width += 1) {
      const lines = wordWrap(text, width);
      for (const line of lines) expect(line, `${width}: ${lines.join('|')}`).not.toMatch(/\d$/u);
      expect(
        lines.some((line) => line.includes('1 号')),
        `${width}: ${lines.join('|')}`,
      ).toBe(true);
      expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
    }
    // A Chinese numeral and its measure word: `没有一` / `个还在运行` at 100 columns.
    expect(breakPieces('没有一个还在运行')).toEqual(['没', '有', '一个', '还', '在', '运', '行']);
    expect(wordWrap('本课的进程没有一个还在运行。', 16)).toEqual(['本课的进程没有', '一个还在运行。']);
    // Too wide together for a line of their own (with the indent): apart, cut nowhere.
    expect(wordWrap('被 4194304 号进程收养', 10, '  ')).toEqual(['被 4194304', '  号进程收', '  养']);
    expect(wordWrap('等了 123456.7 秒', 10, '  ')).toEqual(['等了', '  123456.7', '  秒']);
    // Not a measure word: the line may still end after the number (glued, `26248 还` would be cut to fit).
    expect(wordWrap('父进程 26248 还没有调用', 6)).toEqual(['父进程', '26248', '还没有', '调用']);
  });
});
