// The replay's controls as pure values: speeds, the timeline words of the
// header, and the times `g` accepts.
import { t } from '../../text/i18n/message.js';

/** `[` and `]` step through these (¼× … 16×). */
export const SPEEDS: readonly number[] = [0.25, 0.5, 1, 2, 4, 8, 16];
export const NORMAL_SPEED_INDEX = 2;

export function speedWords(speed: number): string {
  return speed === 0.25 ? '¼×' : speed === 0.5 ? '½×' : `${speed}×`;
}

/** `m:ss.s` (or `h:mm:ss.s`) of a span in ms. */
export function spanWords(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  const seconds = Math.floor(tenths / 10) % 60;
  const minutes = Math.floor(tenths / 600) % 60;
  const hours = Math.floor(tenths / 36_000);
  const secs = `${String(seconds).padStart(2, '0')}.${tenths % 10}`;
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

export interface TimelineInput {
  readonly playing: boolean;
  readonly speed: number;
  /** ms since the recording began, of the frame shown, and of its end. */
  readonly at: number;
  readonly length: number;
  readonly frame: number;
  readonly frames: number;
}

/** The header's timeline: `replay ▶ 1× 0:12.3/1:05.0 frame 12/340`. */
export function timelineWords(input: TimelineInput): string {
  const state = input.playing ? '▶' : '⏸';
  return t('ui.replay.timeline', {
    state,
    speed: speedWords(input.speed),
    at: spanWords(input.at),
    length: spanWords(input.length),
    frame: input.frame + 1,
    frames: input.frames,
  });
}

/**
 * The frame `g` goes to for `at` (ms since the start): the one shown at that moment (`atOrBefore`,
 * the last frame taken at or before it), or the next one when that next one is labelled `at` and
 * this one is not: the header rounds to the tenth, and `g 1` landed on a frame labelled 0:00.4 while
 * the next, taken at 1.04 s, read 0:01.0. `timeOf`: a frame's time since the start.
 */
export function goToFrame(at: number, atOrBefore: number, count: number, timeOf: (index: number) => number): number {
  const label = spanWords(at);
  const next = atOrBefore + 1;
  return spanWords(timeOf(atOrBefore)) !== label && next < count && spanWords(timeOf(next)) === label ? next : atOrBefore;
}

/**
 * What `g` was given: seconds (`90`, `12.5`), `m:ss` or `h:mm:ss`, from the start; undefined when
 * it is not a time. After a colon, minutes and seconds are under 60 (`1:99` is no time).
 */
export function parseGoTo(text: string): number | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((part) => !/^\d+(\.\d+)?$/u.test(part))) return undefined;
  if (parts.slice(1).some((part) => Number(part) >= 60)) return undefined;
  return parts.reduce((total, part) => total * 60 + Number(part), 0) * 1000;
}
