// Everything the room says, per language, from the one message catalog
// (src/text/i18n/): the room speaks its own language (`--lang` of the server),
// whatever the language of the process that hosts it.
import { isLang, LANGS, type Lang, languageFromEnv } from '../text/i18n/lang.js';
import { CATALOGS, fill, messageIn } from '../text/i18n/message.js';

export { isLang, LANGS, type Lang, languageFromEnv };

export interface Wording {
  readonly adminName: string;
  readonly nameTaken: string;
  readonly nameEmpty: string;
  readonly nameBadChars: string;
  readonly nameTooLong: (max: number) => string;
  readonly nameReserved: string;
  readonly roomFull: string;
  readonly tooManyFromAddress: (max: number) => string;
  readonly tooManyLogins: string;
  readonly alreadyIn: (name: string) => string;
  readonly join: (name: string) => string;
  readonly says: (name: string, text: string) => string;
  /** `says` with the name filled in once, for a member who will say many lines. */
  readonly saysAs: (name: string) => (text: string) => string;
  readonly leave: (name: string) => string;
  readonly closing: string;
  readonly flood: string;
  readonly errorUnknownVerb: string;
  readonly errorMissingField: string;
  readonly errorEmptyDatagram: string;
  readonly errorEmptyMessage: string;
  readonly errorInvalidUtf8: string;
  readonly errorTooLong: (maxBytes: number) => string;
}

/**
 * `chat.says` cut at its one `{text}`: the parts around it are filled with the
 * name at login, so a message costs two concatenations instead of a template
 * fill. The text is inserted as is, as fill would (never re-read for `{name}`).
 * A template without exactly one `{text}` is filled per message.
 */
function saysAs(lang: Lang, name: string): (text: string) => string {
  const parts = CATALOGS[lang]['chat.says'].split('{text}');
  const [before, after] = parts;
  if (parts.length !== 2 || before === undefined || after === undefined) return (text) => messageIn(lang, 'chat.says', { name, text });
  const head = fill(before, { name });
  const tail = fill(after, { name });
  return (text) => head + text + tail;
}

function wording(lang: Lang): Wording {
  return {
    adminName: messageIn(lang, 'chat.adminName'),
    nameTaken: messageIn(lang, 'chat.nameTaken'),
    nameEmpty: messageIn(lang, 'chat.nameEmpty'),
    nameBadChars: messageIn(lang, 'chat.nameBadChars'),
    nameTooLong: (max) => messageIn(lang, 'chat.nameTooLong', { max }),
    nameReserved: messageIn(lang, 'chat.nameReserved'),
    roomFull: messageIn(lang, 'chat.roomFull'),
    tooManyFromAddress: (max) => messageIn(lang, 'chat.tooManyFromAddress', { max }),
    tooManyLogins: messageIn(lang, 'chat.tooManyLogins'),
    alreadyIn: (name) => messageIn(lang, 'chat.alreadyIn', { name }),
    join: (name) => messageIn(lang, 'chat.join', { name }),
    says: (name, text) => messageIn(lang, 'chat.says', { name, text }),
    saysAs: (name) => saysAs(lang, name),
    leave: (name) => messageIn(lang, 'chat.leave', { name }),
    closing: messageIn(lang, 'chat.closing'),
    flood: messageIn(lang, 'chat.flood'),
    errorUnknownVerb: messageIn(lang, 'chat.errorUnknownVerb'),
    errorMissingField: messageIn(lang, 'chat.errorMissingField'),
    errorEmptyDatagram: messageIn(lang, 'chat.errorEmptyDatagram'),
    errorEmptyMessage: messageIn(lang, 'chat.errorEmptyMessage'),
    errorInvalidUtf8: messageIn(lang, 'chat.errorInvalidUtf8'),
    errorTooLong: (max) => messageIn(lang, 'chat.errorTooLong', { max }),
  };
}

export const WORDING: Readonly<Record<Lang, Wording>> = { en: wording('en'), zh: wording('zh') };
