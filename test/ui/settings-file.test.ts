// The settings file: $XDG_CONFIG_HOME/procview/config.json, written
// atomically (no temporary file left behind), read back the same; a corrupt
// one is reported, never fatal.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/ui/model/settings-shape.js';
import { loadSettings, saveSettings, settingsPath } from '../../src/ui/settings-file.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'pv-settings-'));
  dirs.push(dir);
  return dir;
};

describe('settings file', () => {
  it('lives under XDG_CONFIG_HOME (an absolute one), else ~/.config', () => {
    expect(settingsPath({ XDG_CONFIG_HOME: '/tmp/x' })).toBe('/tmp/x/procview/config.json');
    expect(settingsPath({ XDG_CONFIG_HOME: 'relative' })).toMatch(/\/\.config\/procview\/config\.json$/);
  });

  it('saves atomically and loads what was saved; no file means the defaults, silently', () => {
    const path = settingsPath({ XDG_CONFIG_HOME: tempDir() });
    expect(loadSettings(path)).toEqual({ settings: DEFAULT_SETTINGS });
    const settings = { ...DEFAULT_SETTINGS, tree: true, hiddenColumns: ['rss' as const] };
    expect(saveSettings(path, settings)).toBeUndefined();
    expect(loadSettings(path)).toEqual({ settings });
    expect(readdirSync(join(path, '..'))).toEqual(['config.json']);
  });

  it('a corrupt file: defaults and the reason; a directory in the way: the reason, nothing thrown', () => {
    const dir = tempDir();
    const path = settingsPath({ XDG_CONFIG_HOME: dir });
    expect(saveSettings(path, DEFAULT_SETTINGS)).toBeUndefined();
    writeFileSync(path, '{"colour": fals');
    expect(loadSettings(path)).toMatchObject({ settings: DEFAULT_SETTINGS, problem: expect.stringMatching(/not valid JSON/) });
    const blocked = join(dir, 'file');
    writeFileSync(blocked, '');
    expect(saveSettings(join(blocked, 'procview', 'config.json'), DEFAULT_SETTINGS)).toBe('ENOTDIR');
  });
});
