// How long, as a person reads it: the two largest units (`45s`, `12m5s`,
// `21h36m`, `3d4h`), in the language of the moment. Whole units, rounded
// down: a process 59 s old is not "1m" old.
import { t } from './i18n/message.js';

/** `seconds` (negative is taken as 0) in words; for an age, put it in a sentence such as `{age} ago`. */
export function durationWords(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  if (days > 0) return t('duration.days', { days, hours });
  if (hours > 0) return t('duration.hours', { hours, minutes });
  if (minutes > 0) return t('duration.minutes', { minutes, seconds: secs });
  return t('duration.seconds', { seconds: secs });
}
