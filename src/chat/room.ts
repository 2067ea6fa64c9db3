// The room's state and rules, with no sockets: each datagram in gives the
// datagrams out (and the room lines the admin stream sees). Time is passed in
// (monotonic ms), so flood control and heartbeat eviction are tested with a
// hand-made clock.
import { stripControls } from '../text/sanitize.js';
import { addressKey } from './address-key.js';
import { TokenBucket } from './flood.js';
import { LoginLimiter } from './login-limit.js';
import { WORDING, type Lang, type Wording } from './messages.js';
import { describeNameProblem, nameKey, nameProblem } from './names.js';
import { MAX_LINE_BYTES, MAX_TEXT_BYTES, parseDatagram, REPLY_EXIT, REPLY_HEARTBEAT, REPLY_OK, type Malformed, type Request } from './protocol.js';

export interface Peer {
  readonly address: string;
  readonly port: number;
}

export interface Delivery {
  readonly text: string;
  /** Everyone in `to` but `except` gets it (a message goes to all but its sender, with no list made per message). */
  readonly to: readonly Peer[];
  readonly except?: Peer | undefined;
}

export interface RoomEffects {
  readonly deliveries: readonly Delivery[];
  /** Lines everyone in the room was sent (joins, messages, leaves, admin lines). */
  readonly roomLines: readonly string[];
}

export type AdminResult = { readonly ok: true; readonly effects: RoomEffects } | { readonly ok: false; readonly error: string };

export interface RoomOptions {
  readonly lang: Lang;
  /** Flood control: messages a sender may send at once… */
  readonly burst: number;
  /** …and how many per second come back after that. */
  readonly ratePerSecond: number;
  /** Members that heartbeat and then fall silent this long are dropped; 0 = never. */
  readonly heartbeatTimeoutMs: number;
  /** Any member silent this long is dropped, classic ones too; 0 (default) = never. */
  readonly idleTimeoutMs?: number;
  readonly maxMembers?: number;
  /** Members from one source address (addressKey: an IPv6 /64 is one). */
  readonly maxPerAddress?: number;
  /** Login attempts a stranger's address may make per minute, in a burst of as many. */
  readonly loginsPerMinute?: number;
}

export interface MemberView {
  readonly name: string;
  readonly peer: Peer;
  readonly heartbeats: boolean;
}

interface Member {
  readonly name: string;
  readonly key: string;
  readonly peer: Peer;
  readonly addressKey: string;
  lastHeard: number;
  /** Only our clients send `H`; classic clients never do and are never evicted for silence. */
  heartbeats: boolean;
  readonly bucket: TokenBucket;
  /** Longest text this member may say (maxTextBytes for its name), fixed at login. */
  readonly maxTextBytes: number;
  /** This member's chat line around a text (`NAME says: TEXT`), its name filled in at login. */
  readonly says: (text: string) => string;
}

/** What a server gets unless told otherwise (procview chat server --help shows them). */
export const ROOM_DEFAULTS = {
  burst: 50,
  ratePerSecond: 20,
  heartbeatTimeoutMs: 15_000,
  maxMembers: 1000,
  maxPerAddress: 8,
  loginsPerMinute: 30,
} as const;
const NOTHING: RoomEffects = { deliveries: [], roomLines: [] };

function peerKey(peer: Peer): string {
  return `${peer.address}|${peer.port}`;
}

class Effects implements RoomEffects {
  readonly deliveries: Delivery[] = [];
  readonly roomLines: string[] = [];

  reply(peer: Peer, text: string): void {
    // Every Delivery has the same three fields: the server's send loop sees one shape.
    this.deliveries.push({ text, to: [peer], except: undefined });
  }

  /** `text` to everyone in `to` but `except` (who must be in `to`). */
  broadcast(text: string, to: readonly Peer[], except?: Peer): void {
    if (to.length > (except === undefined ? 0 : 1)) this.deliveries.push({ text, to, except });
    this.roomLines.push(text);
  }
}

export class Room {
  readonly wording: Wording;
  private readonly byPeer = new Map<string, Member>();
  private readonly byName = new Map<string, Member>();
  /**
   * Every member's peer, in order of login. Replaced, never changed, when
   * someone joins or leaves: a delivery keeps the list it was made with.
   */
  private everyone: readonly Peer[] = [];
  /** Members per addressKey. */
  private readonly perAddress = new Map<string, number>();
  private readonly logins: LoginLimiter;
  private readonly maxMembers: number;
  private readonly maxPerAddress: number;
  private readonly adminMaxTextBytes: number;

  constructor(private readonly options: RoomOptions) {
    this.wording = WORDING[options.lang];
    this.adminMaxTextBytes = this.maxTextBytes(this.wording.adminName);
    this.maxMembers = options.maxMembers ?? ROOM_DEFAULTS.maxMembers;
    this.maxPerAddress = options.maxPerAddress ?? ROOM_DEFAULTS.maxPerAddress;
    this.logins = new LoginLimiter(options.loginsPerMinute ?? ROOM_DEFAULTS.loginsPerMinute, 0);
  }

  members(): MemberView[] {
    return [...this.byPeer.values()].map(({ name, peer, heartbeats }) => ({ name, peer, heartbeats }));
  }

  /** One datagram from `from`, at monotonic time `now` (ms). */
  receive(bytes: Uint8Array, from: Peer, now: number): RoomEffects {
    const member = this.byPeer.get(peerKey(from));
    const parsed = parseDatagram(bytes);
    const fx = new Effects();
    if (!parsed.ok) {
      // Strangers get an answer only to a login attempt: anything else from an
      // unknown address is dropped, so the room cannot be used as a reflector.
      if (member !== undefined) {
        member.lastHeard = now;
        if (this.admit(member, now, fx)) fx.reply(from, this.describe(parsed.problem, member));
      } else if (parsed.verb === 'L' && this.strangerMayLogIn(from, now, fx)) {
        fx.reply(from, this.describe(parsed.problem, undefined));
      }
      return fx;
    }
    const { request } = parsed;
    if (request.verb === 'L') {
      this.login(request.name, from, member, now, fx);
      return fx;
    }
    // Identity is the address the name logged in from: a C, Q or H naming
    // someone else (or sent from anywhere else) is ignored.
    if (member === undefined || member.name !== request.name) return NOTHING;
    member.lastHeard = now;
    this.handleMember(request, member, now, fx);
    return fx;
  }

  /** Drops heartbeating members silent past the heartbeat timeout, and any member past the idle timeout. */
  sweep(now: number): RoomEffects {
    const heartbeat = this.options.heartbeatTimeoutMs;
    const idle = this.options.idleTimeoutMs ?? 0;
    if (heartbeat <= 0 && idle <= 0) return NOTHING;
    const fx = new Effects();
    for (const member of [...this.byPeer.values()]) {
      const silent = now - member.lastHeard;
      if ((heartbeat > 0 && member.heartbeats && silent > heartbeat) || (idle > 0 && silent > idle)) this.remove(member, fx);
    }
    return fx;
  }

  /** A line from the admin (server terminal, admin socket): reaches everyone. */
  adminSay(text: string): AdminResult {
    const limit = this.adminMaxTextBytes;
    if (Buffer.byteLength(text) > limit) return { ok: false, error: this.wording.errorTooLong(limit) };
    const clean = stripControls(text);
    if (clean.trim().length === 0) return { ok: false, error: this.wording.errorEmptyMessage };
    const fx = new Effects();
    fx.broadcast(this.wording.says(this.wording.adminName, clean), this.everyone);
    return { ok: true, effects: fx };
  }

  /** The room closes: everyone is told, then sent EXIT so their receivers end. */
  close(): RoomEffects {
    const fx = new Effects();
    const { everyone } = this;
    fx.broadcast(this.wording.closing, everyone);
    if (everyone.length > 0) fx.deliveries.push({ text: REPLY_EXIT, to: everyone, except: undefined });
    this.byPeer.clear();
    this.byName.clear();
    this.everyone = [];
    this.perAddress.clear();
    return fx;
  }

  private handleMember(request: Request, member: Member, now: number, fx: Effects): void {
    switch (request.verb) {
      case 'H':
        member.heartbeats = true;
        // Answered, so our client can tell a live server from a dead one.
        fx.reply(member.peer, REPLY_HEARTBEAT);
        return;
      case 'Q':
        this.remove(member, fx);
        return;
      case 'C':
        if (this.admit(member, now, fx)) this.say(member, request.text, fx);
        return;
      case 'L':
        return;
    }
  }

  private login(name: string, from: Peer, member: Member | undefined, now: number, fx: Effects): void {
    if (member !== undefined) {
      // A repeated login (our OK was lost) is answered again; another name is not.
      if (this.admit(member, now, fx)) fx.reply(from, member.name === name ? REPLY_OK : this.wording.alreadyIn(member.name));
      return;
    }
    // Limited before anything is answered: a refusal is a datagram to a possibly forged address.
    if (!this.strangerMayLogIn(from, now, fx)) return;
    const problem = nameProblem(name);
    if (problem !== undefined) return fx.reply(from, describeNameProblem(problem, this.wording));
    const key = nameKey(name);
    if (this.byName.has(key)) return fx.reply(from, this.wording.nameTaken);
    if (this.byPeer.size >= this.maxMembers) return fx.reply(from, this.wording.roomFull);
    const fromKey = addressKey(from.address);
    if ((this.perAddress.get(fromKey) ?? 0) >= this.maxPerAddress) return fx.reply(from, this.wording.tooManyFromAddress(this.maxPerAddress));
    const others = this.everyone;
    const joined: Member = {
      name,
      key,
      peer: { address: from.address, port: from.port },
      addressKey: fromKey,
      lastHeard: now,
      heartbeats: false,
      bucket: new TokenBucket(this.options.burst, this.options.ratePerSecond, now),
      maxTextBytes: this.maxTextBytes(name),
      says: this.wording.saysAs(name),
    };
    this.byPeer.set(peerKey(from), joined);
    this.byName.set(key, joined);
    this.everyone = [...others, joined.peer];
    this.perAddress.set(fromKey, (this.perAddress.get(fromKey) ?? 0) + 1);
    fx.reply(from, REPLY_OK);
    fx.broadcast(this.wording.join(name), others);
  }

  private say(member: Member, text: string, fx: Effects): void {
    const limit = member.maxTextBytes;
    if (Buffer.byteLength(text) > limit) return fx.reply(member.peer, this.wording.errorTooLong(limit));
    const clean = stripControls(text);
    if (clean.trim().length === 0) return fx.reply(member.peer, this.wording.errorEmptyMessage);
    fx.broadcast(member.says(clean), this.everyone, member.peer);
  }

  private remove(member: Member, fx: Effects): void {
    this.byPeer.delete(peerKey(member.peer));
    this.byName.delete(member.key);
    this.everyone = this.everyone.filter((peer) => peer !== member.peer);
    const left = (this.perAddress.get(member.addressKey) ?? 1) - 1;
    if (left > 0) this.perAddress.set(member.addressKey, left);
    else this.perAddress.delete(member.addressKey);
    fx.reply(member.peer, REPLY_EXIT);
    fx.broadcast(this.wording.leave(member.name), this.everyone);
  }

  /** The login rate limit for strangers (login-limit.ts); says so once per run of refusals. */
  private strangerMayLogIn(from: Peer, now: number, fx: Effects): boolean {
    const verdict = this.logins.attempt(addressKey(from.address), now);
    if (verdict === 'address-notice') fx.reply(from, this.wording.tooManyLogins);
    return verdict === 'ok';
  }

  /** Flood control: one notice per run of refused messages (TokenBucket.attempt). */
  private admit(member: Member, now: number, fx: Effects): boolean {
    const admission = member.bucket.attempt(now);
    if (admission === 'notice') fx.reply(member.peer, this.wording.flood);
    return admission === 'ok';
  }

  /** The text limit: 1000 bytes, less if the whole line would not fit a classic client's buffer. */
  private maxTextBytes(name: string): number {
    return Math.min(MAX_TEXT_BYTES, MAX_LINE_BYTES - Buffer.byteLength(this.wording.says(name, '')));
  }

  private describe(problem: Malformed, member: Member | undefined): string {
    switch (problem) {
      case 'empty':
        return this.wording.errorEmptyDatagram;
      case 'unknown-verb':
        return this.wording.errorUnknownVerb;
      case 'missing-field':
        return this.wording.errorMissingField;
      case 'invalid-utf8':
        return this.wording.errorInvalidUtf8;
      case 'too-long':
        return this.wording.errorTooLong(member === undefined ? MAX_TEXT_BYTES : member.maxTextBytes);
    }
  }
}
