// Messages by id: `{name}` in a catalog entry is a placeholder filled from the
// parameters, typed from the English entry (the reference catalog), so a call
// that forgets or misspells a placeholder does not compile. The Chinese
// catalog must have every id with the same placeholders (the catalog test).
import { EN, type MessageId } from './en.js';
import { currentLanguage, type Lang } from './lang.js';
import { ZH } from './zh.js';

export type { MessageId } from './en.js';

/** The placeholder names of a catalog entry's literal type (`{  }`, braces around no name, is text, as PLACEHOLDER says). */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name extends '' | `${string}${' ' | '{'}${string}`
    ? Placeholders<Rest>
    : Name | Placeholders<Rest>
  : never;

export type Params<K extends MessageId> = Readonly<Record<Placeholders<(typeof EN)[K]>, string | number>>;

/** The ids whose entry has no placeholder (for tables of ids: a state letter's words, a label). */
export type PlainMessageId = { [K in MessageId]: [Placeholders<(typeof EN)[K]>] extends [never] ? K : never }[MessageId];

/** The arguments after the id: none for an entry without placeholders, else its parameters. */
export type MessageArgs<K extends MessageId> = [Placeholders<(typeof EN)[K]>] extends [never] ? [] : [params: Params<K>];

export const CATALOGS: Readonly<Record<Lang, Readonly<Record<MessageId, string>>>> = { en: EN, zh: ZH };

/** A placeholder: `{` a name of letters and digits `}`. Other braces (`{  }` as a key name) are text. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/gu;

/** Fills the placeholders of `template` from `params` (a value is inserted as is, never re-read for placeholders). */
export function fill(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  if (params === undefined) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Message `id` in `lang`. */
export function messageIn<K extends MessageId>(lang: Lang, id: K, ...args: MessageArgs<K>): string {
  return fill(CATALOGS[lang][id], args[0] as Readonly<Record<string, string | number>> | undefined);
}

/** Message `id` in the language of this process. */
export function t<K extends MessageId>(id: K, ...args: MessageArgs<K>): string {
  return messageIn(currentLanguage(), id, ...args);
}
