// 中文目录：与 en.ts 的 id 一一对应，占位符 `{name}` 相同（见目录测试）。
// 术语依照中文 Linux 课程与 man-pages-zh：进程、父进程、子进程、孤儿进程、
// 僵尸进程、收养、回收、进程组、会话、会话首进程、前台进程组、nice 值……
// 标识符（waitpid、WNOHANG、SIGCHLD、PR_SET_CHILD_SUBREAPER）保持原样。
// The chat room's lines are the wording of the original lesson (issue 4),
// byte for byte: note `说:` with an ASCII colon and no space, and no space
// before `退出了聊天室`.
import type { MessageId } from './en.js';

export const ZH: Readonly<Record<MessageId, string>> = {
  'chat.adminName': '管理员',
  'chat.nameTaken': '该用户已存在',
  'chat.nameEmpty': '用户名不能为空',
  'chat.nameBadChars': '用户名不能包含空格或控制字符',
  'chat.nameTooLong': '用户名最多{max}个字符',
  'chat.nameReserved': '该用户名保留给管理员',
  'chat.roomFull': '聊天室已满',
  'chat.tooManyFromAddress': '来自你的地址的用户太多（最多 {max} 个）',
  'chat.tooManyLogins': '来自你的地址的登录尝试太多：请一分钟后再试',
  'chat.alreadyIn': '你已经以 {name} 的身份在聊天室中',
  'chat.join': '欢迎 {name} 进入聊天室',
  'chat.says': '{name} 说:{text}',
  'chat.leave': '{name}退出了聊天室',
  'chat.closing': '聊天室关闭了',
  'chat.flood': '消息太多：请放慢速度，多余的消息已被丢弃',
  'chat.errorUnknownVerb': '错误：未知命令（请用 L、C 或 Q）',
  'chat.errorMissingField': '错误：缺少用户名或内容',
  'chat.errorEmptyDatagram': '错误：空数据报',
  'chat.errorEmptyMessage': '错误：空消息',
  'chat.errorInvalidUtf8': '错误：不是有效的 UTF-8',
  'chat.errorTooLong': '错误：消息太长（最多 {max} 字节）',
  'chat.client.prompt': '请输入用户名: ',
  'chat.client.joined': '你已进入聊天室({name})。输入消息后回车发送；输入 quit（或按 Ctrl-C）退出。',
  'chat.client.left': '你已退出聊天室',
  'chat.client.noAnswer': '{where} 没有回应：那里运行 `procview chat server` 了吗？',
  'chat.client.serverSilent': '服务器已有 {seconds} 秒没有回应，它似乎已停止；退出',
  'chat.client.noName': '没有输入用户名',
  'chat.client.tooLong': '未发送：消息最多 {max} 字节',
};
