// Set up before every test file (vitest.config.ts setupFiles): the dashboards
// this suite starts read $XDG_CONFIG_HOME/procview/config.json (ui/settings-file.ts).
// A person's own saved settings (tree by default, a hidden column, another
// refresh interval) would change what the tests see, and a test that saves
// would overwrite that person's file. So each test file, and every process it
// starts, gets an empty configuration directory of its own, removed after it.
// Tests about the settings file give their children a directory of their own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const config = mkdtempSync(join(tmpdir(), 'procview-test-config-'));
process.env.XDG_CONFIG_HOME = config;
afterAll(() => rmSync(config, { recursive: true, force: true }));
