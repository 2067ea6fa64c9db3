// The two time formats ps prints: cumulative CPU time (TIME) and lstart.
import { MONTH_ABBREVIATIONS } from '../../text/calendar.js';

/**
 * TIME in seconds. procps: `[DD-]HH:MM:SS`; BSD: `[HH:]MM:SS.hh` (hundredths).
 * Undefined when the text is neither.
 */
export function parseCpuTime(text: string): number | undefined {
  const match = /^(?:(\d+)-)?(\d+(?::\d+){0,2})(?:\.(\d+))?$/.exec(text);
  if (match === null) return undefined;
  const [, days, clock = '', fraction] = match;
  let seconds = 0;
  for (const part of clock.split(':')) seconds = seconds * 60 + Number(part);
  if (days !== undefined) seconds += Number(days) * 86_400;
  if (fraction !== undefined) seconds += Number(`0.${fraction}`);
  return seconds;
}

/**
 * lstart as printed in the C locale, split in words: `Sun Nov 29 19:35:50 2026`,
 * local time, whole seconds. Milliseconds since the epoch, or undefined.
 */
export function parseLstart(words: readonly string[]): number | undefined {
  const [, monthName = '', dayText = '', clock = '', yearText = ''] = words;
  const month = MONTH_ABBREVIATIONS.indexOf(monthName);
  const hms = /^(\d{1,2}):(\d{2}):(\d{2})$/.exec(clock);
  if (month < 0 || hms === null || !/^\d{1,2}$/.test(dayText) || !/^\d{4}$/.test(yearText)) return undefined;
  const [, h = '', m = '', s = ''] = hms;
  return new Date(Number(yearText), month, Number(dayText), Number(h), Number(m), Number(s)).getTime();
}
