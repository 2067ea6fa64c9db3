// The lessons judge a socket path with the same rule as the chat's admin
// socket: one module holds it (see ../sockets/stale-socket.ts).
export { notOurSocket } from '../sockets/stale-socket.js';
