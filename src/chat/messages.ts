// Everything the room says, per language. The Chinese lines are the wording of
// the original lesson (issue 4), byte for byte: note `说:` with an ASCII colon
// and no space, and no space before `退出了聊天室`.

export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

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

const EN: Wording = {
  adminName: 'admin',
  nameTaken: 'that name is already taken',
  nameEmpty: 'a name must not be empty',
  nameBadChars: 'a name must not contain spaces or control characters',
  nameTooLong: (max) => `a name must be at most ${max} characters`,
  nameReserved: 'that name is reserved for the admin',
  roomFull: 'the room is full',
  tooManyFromAddress: (max) => `too many members from your address (at most ${max})`,
  tooManyLogins: 'too many login attempts from your address: try again in a minute',
  alreadyIn: (name) => `you are already in the room as ${name}`,
  join: (name) => `${name} joined the room`,
  says: (name, text) => `${name} says: ${text}`,
  leave: (name) => `${name} left the room`,
  closing: 'the room is closing',
  flood: 'too many messages: the rest are dropped until you slow down',
  errorUnknownVerb: 'error: unknown command (use L, C or Q)',
  errorMissingField: 'error: missing name or text',
  errorEmptyDatagram: 'error: empty datagram',
  errorEmptyMessage: 'error: empty message',
  errorInvalidUtf8: 'error: not valid UTF-8',
  errorTooLong: (max) => `error: message too long (max ${max} bytes)`,
};

const ZH: Wording = {
  adminName: '管理员',
  nameTaken: '该用户已存在',
  nameEmpty: '用户名不能为空',
  nameBadChars: '用户名不能包含空格或控制字符',
  nameTooLong: (max) => `用户名最多${max}个字符`,
  nameReserved: '该用户名保留给管理员',
  roomFull: '聊天室已满',
  tooManyFromAddress: (max) => `来自你的地址的用户太多（最多 ${max} 个）`,
  tooManyLogins: '来自你的地址的登录尝试太多：请一分钟后再试',
  alreadyIn: (name) => `你已经以 ${name} 的身份在聊天室中`,
  join: (name) => `欢迎 ${name} 进入聊天室`,
  says: (name, text) => `${name} 说:${text}`,
  leave: (name) => `${name}退出了聊天室`,
  closing: '聊天室关闭了',
  flood: '消息太多：请放慢速度，多余的消息已被丢弃',
  errorUnknownVerb: '错误：未知命令（请用 L、C 或 Q）',
  errorMissingField: '错误：缺少用户名或内容',
  errorEmptyDatagram: '错误：空数据报',
  errorEmptyMessage: '错误：空消息',
  errorInvalidUtf8: '错误：不是有效的 UTF-8',
  errorTooLong: (max) => `错误：消息太长（最多 ${max} 字节）`,
};

export const WORDING: Readonly<Record<Lang, Wording>> = { en: EN, zh: ZH };

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The flag wins; otherwise the locale (POSIX precedence: LC_ALL, then
 * LC_MESSAGES, then LANG) picks Chinese when it names zh_*; English by default.
 */
export function languageFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh(?:[_.@-]|$)/iu.test(locale) ? 'zh' : 'en';
}
