// What the client itself says (the room's own lines come from the server).
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
}

export const CLIENT_WORDING: Readonly<Record<Lang, ClientWording>> = {
  en: {
    prompt: 'your name: ',
    joined: (name) => `you are in the room as ${name}. Type a message and press Enter; "quit" (or Ctrl-C) leaves.`,
    left: 'you left the room',
    noAnswer: (where) => `no answer from ${where}: is \`procview chat server\` running there?`,
    serverSilent: (seconds) => `no answer from the server for ${seconds} s: it seems to have stopped; leaving`,
    noName: 'no name given',
    tooLong: (max) => `not sent: a message is at most ${max} bytes`,
  },
  zh: {
    prompt: '请输入用户名: ',
    joined: (name) => `你已进入聊天室(${name})。输入消息后回车发送；输入 quit（或按 Ctrl-C）退出。`,
    left: '你已退出聊天室',
    noAnswer: (where) => `${where} 没有回应：那里运行 \`procview chat server\` 了吗？`,
    serverSilent: (seconds) => `服务器已有 ${seconds} 秒没有回应，它似乎已停止；退出`,
    noName: '没有输入用户名',
    tooLong: (max) => `未发送：消息最多 ${max} 字节`,
  },
};
