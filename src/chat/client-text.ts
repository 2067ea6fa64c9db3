// What the client itself says (the room's own lines come from the server),
// from the one message catalog (src/text/i18n/).
import { messageIn } from '../text/i18n/message.js';
import type { Lang } from './messages.js';

export interface ClientWording {
  readonly prompt: string;
  readonly joined: (name: string) => string;
  readonly left: string;
  readonly noAnswer: (where: string) => string;
  /** Our server answered heartbeats, then fell silent this many seconds. */
  readonly serverSilent: (seconds: number) => string;
  readonly noName: string;
  readonly tooLong: (max: number) => string;
  /** The server's host name does not resolve (DNS, /etc/hosts). */
  readonly cannotResolve: (host: string) => string;
}

function clientWording(lang: Lang): ClientWording {
  return {
    prompt: messageIn(lang, 'chat.client.prompt'),
    joined: (name) => messageIn(lang, 'chat.client.joined', { name }),
    left: messageIn(lang, 'chat.client.left'),
    noAnswer: (where) => messageIn(lang, 'chat.client.noAnswer', { where }),
    serverSilent: (seconds) => messageIn(lang, 'chat.client.serverSilent', { seconds }),
    noName: messageIn(lang, 'chat.client.noName'),
    tooLong: (max) => messageIn(lang, 'chat.client.tooLong', { max }),
    cannotResolve: (host) => messageIn(lang, 'chat.client.cannotResolve', { host }),
  };
}

export const CLIENT_WORDING: Readonly<Record<Lang, ClientWording>> = { en: clientWording('en'), zh: clientWording('zh') };
