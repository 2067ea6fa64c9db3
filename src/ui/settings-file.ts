// Where the F2 settings live: $XDG_CONFIG_HOME/procview/config.json (or
// ~/.config/procview/config.json). Written atomically: a temporary file in
// the same directory, then rename(2), so a crash mid-write leaves the old
// file whole. A file that cannot be read or parsed gives the defaults and a
// sentence saying why; the dashboard starts anyway.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { errnoOf } from '../process/errno.js';
import { t } from '../text/i18n/message.js';
import { parseSettings, settingsText, type LoadedSettings } from './model/settings.js';
import { DEFAULT_SETTINGS, type Settings } from './model/settings-shape.js';

export function settingsPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'procview', 'config.json');
}

export function loadSettings(path: string): LoadedSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { settings: DEFAULT_SETTINGS };
    return { settings: DEFAULT_SETTINGS, problem: t('ui.settings.cannotRead', { why: errnoOf(error) ?? String(error) }) };
  }
  return parseSettings(text);
}

/** Writes `settings`; undefined when saved, else why not. */
export function saveSettings(path: string, settings: Settings): string | undefined {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, settingsText(settings), { mode: 0o600 });
    renameSync(temporary, path);
    return undefined;
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written there (the directory itself is missing or not one).
    }
    return `${errnoOf(error) ?? (error as Error).message}`;
  }
}
