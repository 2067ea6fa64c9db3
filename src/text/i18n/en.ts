// The English catalog: the reference. Every id of procview's text for a person
// is here, with `{name}` placeholders; zh.ts has the same ids. Ids are grouped
// by where the text is read: chat.*, cli.*, demo.*, event.*, stat.*, ui.*.

export const EN = {
  // The chat room (server lines reach every member in the room's language).
  'chat.adminName': 'admin',
  'chat.nameTaken': 'that name is already taken',
  'chat.nameEmpty': 'a name must not be empty',
  'chat.nameBadChars': 'a name must not contain spaces or control characters',
  'chat.nameTooLong': 'a name must be at most {max} characters',
  'chat.nameReserved': 'that name is reserved for the admin',
  'chat.roomFull': 'the room is full',
  'chat.tooManyFromAddress': 'too many members from your address (at most {max})',
  'chat.tooManyLogins': 'too many login attempts from your address: try again in a minute',
  'chat.alreadyIn': 'you are already in the room as {name}',
  'chat.join': '{name} joined the room',
  'chat.says': '{name} says: {text}',
  'chat.leave': '{name} left the room',
  'chat.closing': 'the room is closing',
  'chat.flood': 'too many messages: the rest are dropped until you slow down',
  'chat.errorUnknownVerb': 'error: unknown command (use L, C or Q)',
  'chat.errorMissingField': 'error: missing name or text',
  'chat.errorEmptyDatagram': 'error: empty datagram',
  'chat.errorEmptyMessage': 'error: empty message',
  'chat.errorInvalidUtf8': 'error: not valid UTF-8',
  'chat.errorTooLong': 'error: message too long (max {max} bytes)',
  // The chat client's own lines.
  'chat.client.prompt': 'your name: ',
  'chat.client.joined': 'you are in the room as {name}. Type a message and press Enter; "quit" (or Ctrl-C) leaves.',
  'chat.client.left': 'you left the room',
  'chat.client.noAnswer': 'no answer from {where}: is `procview chat server` running there?',
  'chat.client.serverSilent': 'no answer from the server for {seconds} s: it seems to have stopped; leaving',
  'chat.client.noName': 'no name given',
  'chat.client.tooLong': 'not sent: a message is at most {max} bytes',
} as const;

export type MessageId = keyof typeof EN;
