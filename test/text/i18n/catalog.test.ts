// Both catalogs hold the same ids with the same placeholders: a message added
// to one language only, or a placeholder renamed in one, fails here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileProblem } from '../../../src/record/file-errors.js';
import { timelineWords } from '../../../src/ui/model/replay.js';
import { parseSettings } from '../../../src/ui/model/settings.js';
import { loadSettings } from '../../../src/ui/settings-file.js';
import { EN } from '../../../src/text/i18n/en.js';
import { currentLanguage, isLang, languageEnv, languageFromEnv, setLanguage, takeLangFlag } from '../../../src/text/i18n/lang.js';
import { CATALOGS, fill, messageIn, PLACEHOLDER, t } from '../../../src/text/i18n/message.js';
import { ZH } from '../../../src/text/i18n/zh.js';

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

describe('the catalogs', () => {
  it('have the same ids in every language', () => {
    const en = Object.keys(EN).sort();
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      const ids = Object.keys(catalog).sort();
      expect(
        ids.filter((id) => !en.includes(id)),
        `${lang}: ids not in en`,
      ).toEqual([]);
      expect(
        en.filter((id) => !ids.includes(id)),
        `${lang}: ids missing`,
      ).toEqual([]);
    }
  });

  it('have the same placeholders for each id', () => {
    const mismatched = Object.entries(EN)
      .filter(([id, text]) => placeholders(text).join(',') !== placeholders(ZH[id as keyof typeof EN]).join(','))
      .map(([id]) => id);
    expect(mismatched).toEqual([]);
  });

  it('has no empty Chinese entry', () => {
    for (const [id, text] of Object.entries(ZH)) {
      expect(text.trim(), id).not.toBe('');
    }
  });
});

describe('messages', () => {
  it('fill placeholders with the values as given, never re-reading a value', () => {
    expect(fill('{a} and {b}', { a: '{b}', b: 2 })).toBe('{b} and 2');
    expect(fill('keys {  } stay', {})).toBe('keys {  } stay');
    expect(messageIn('zh', 'chat.says', { name: '小明', text: '你好' })).toBe('小明 说:你好');
    expect(messageIn('en', 'chat.says', { name: 'ann', text: 'hi' })).toBe('ann says: hi');
  });

  it('speak the chosen language, else the locale', () => {
    setLanguage('zh');
    expect(t('chat.roomFull')).toBe('聊天室已满');
    setLanguage('en');
    expect(t('chat.roomFull')).toBe('the room is full');
    setLanguage(undefined);
  });
});

describe('the language', () => {
  it('comes from LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(languageFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ LC_ALL: '', LANG: 'zh' })).toBe('zh');
    expect(languageFromEnv({})).toBe('en');
    expect(isLang('zh') && !isLang('fr')).toBe(true);
  });

  it('is handed to children by PROCVIEW_LANG, which outranks the locale and yields to --lang', () => {
    expect(languageFromEnv({ PROCVIEW_LANG: 'zh', LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ PROCVIEW_LANG: 'en', LANG: 'zh_CN.UTF-8' })).toBe('en');
    // A value that is not a language is ignored: the locale decides.
    expect(languageFromEnv({ PROCVIEW_LANG: 'fr', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(languageFromEnv({ PROCVIEW_LANG: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    const saved = process.env.PROCVIEW_LANG;
    try {
      process.env.PROCVIEW_LANG = 'zh';
      setLanguage(undefined);
      expect(currentLanguage()).toBe('zh');
      setLanguage('en');
      expect(currentLanguage()).toBe('en');
      expect(languageEnv()).toEqual({ PROCVIEW_LANG: 'en' });
    } finally {
      if (saved === undefined) delete process.env.PROCVIEW_LANG;
      else process.env.PROCVIEW_LANG = saved;
      setLanguage(undefined);
    }
  });

  it('is taken off a command line up to --, or up to the command a `run` starts', () => {
    expect(takeLangFlag(['--lang', 'zh', '--plain'], false)).toEqual({ lang: 'zh', rest: ['--plain'] });
    expect(takeLangFlag(['zombie', '--lang=zh'], false)).toEqual({ lang: 'zh', rest: ['zombie'] });
    expect(takeLangFlag(['--', 'x', '--lang', 'zh'], false)).toEqual({ lang: undefined, rest: ['--', 'x', '--lang', 'zh'] });
    expect(takeLangFlag(['-d', '1', 'sh', '--lang', 'zh'], true, ['-d'])).toEqual({ lang: undefined, rest: ['-d', '1', 'sh', '--lang', 'zh'] });
    expect(takeLangFlag(['--lang', 'zh', 'sh'], true)).toEqual({ lang: 'zh', rest: ['sh'] });
    // Without its value: said missing, the line left as it was.
    expect(takeLangFlag(['zombie', '--plain', '--lang'], false)).toEqual({ lang: undefined, rest: ['zombie', '--plain', '--lang'], missing: true });
  });
});

describe('file problems, settings and the replay timeline', () => {
  it('are said in the chosen language, the errno name kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'procview-i18n-'));
    const enospc = Object.assign(new Error('write failed'), { code: 'ENOSPC' });
    try {
      setLanguage('zh');
      expect(fileProblem(enospc)).toBe('磁盘已满（ENOSPC）');
      expect(parseSettings('[1]').problem).toBe('不是 JSON 对象');
      expect(parseSettings('{"tree": "yes", "intervalMs": 5}').problem).toBe('tree 应为 true 或 false；intervalMs 应为 100 到 3600000 之间的毫秒数');
      // A directory where the file should be: read(2) fails with EISDIR (a real read, not a made-up error).
      expect(loadSettings(dir).problem).toBe('无法读取（EISDIR）');
      expect(timelineWords({ playing: true, speed: 2, at: 1500, length: 65_000, frame: 2, frames: 40 })).toBe('回放 ▶ 2× 0:01.5/1:05.0 第 3/40 帧');
      setLanguage('en');
      expect(fileProblem(enospc)).toBe('the disk is full (ENOSPC)');
      expect(loadSettings(dir).problem).toBe('cannot read it (EISDIR)');
      // An errno name with no words is shown as it is, never an inherited property's text.
      expect(fileProblem(Object.assign(new Error('x'), { code: 'constructor' }))).toBe('constructor');
    } finally {
      setLanguage(undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
