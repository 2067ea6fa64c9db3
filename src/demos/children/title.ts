// A lesson process's title says its role, as the chat room's processes do:
// `procview lesson nice: loop nice=10 --procview-demo=nice:4312`. The marker
// stays at the end, so `ps` (and procview's own cleanup checks) still find
// every process of the lesson; the kernel copies the first 15 bytes into comm
// (`procview lesson`). A title is a name, not a sentence: it stays English in
// every language, as ps column names do (15 bytes of Chinese would also cut a
// character in half in comm).
import { MARKER_PREFIX } from '../messages.js';

/** What each lesson script is, in the words of the narration. */
const SCRIPT_WORDS: Readonly<Record<string, string>> = {
  burner: 'loop',
  sleeper: 'sleeper',
  'socket-server': 'server',
  'socket-client': 'client',
};

/**
 * The title for `script` run with `marker` (`--procview-demo=LESSON:PID`) and
 * `role` (its role= option). A script's parent half is called `parent`, a
 * role=child run of it `child`; `nice-10` reads `nice=10`.
 */
export function lessonTitle(script: string, marker: string, role: string | undefined): string {
  const lesson = marker.startsWith(MARKER_PREFIX) ? marker.slice(MARKER_PREFIX.length).split(':')[0] || '?' : '?';
  return `procview lesson ${lesson}: ${lessonName(script, role)} ${marker}`;
}

/** What the title calls the process (`sleeper sys.exit(message)`, `loop nice=10`): its name in procview's lines too. */
export function lessonName(script: string, role: string | undefined): string {
  const what = SCRIPT_WORDS[script] ?? (role === 'child' ? 'child' : 'parent');
  const roleWords = role === undefined || role === '' || role === what ? '' : ` ${role.replace(/^nice-(-?\d+)$/, 'nice=$1')}`;
  return `${what}${roleWords}`;
}
