// Why an orphan is inferred, as data: the words are made from it in a
// language, English for the event's `inferred` field (in `--json`, which stays
// language-neutral) and the process's language for the sentences a person reads.
import type { Lang } from '../../text/i18n/lang.js';
import { currentLanguage } from '../../text/i18n/lang.js';
import { messageIn } from '../../text/i18n/message.js';

export type OrphanEvidence =
  /** Its process group `pgid` has no live leader; `seenBefore` names the leader an earlier scan read. */
  | { readonly kind: 'no-leader'; readonly pgid: number; readonly seenBefore: string | undefined }
  /** The group's leader (`leader`: pid and name) is alive, yet not its parent. */
  | { readonly kind: 'leader-alive'; readonly leader: string };

export function orphanEvidenceWords(evidence: OrphanEvidence, lang: Lang = currentLanguage()): string {
  const why =
    evidence.kind === 'leader-alive'
      ? messageIn(lang, 'event.evidence.leaderAlive', { leader: evidence.leader })
      : evidence.seenBefore === undefined
        ? messageIn(lang, 'event.evidence.noLeader', { pgid: evidence.pgid })
        : messageIn(lang, 'event.evidence.noLeaderSeen', { pgid: evidence.pgid, leader: evidence.seenBefore });
  return messageIn(lang, 'event.evidence.orphaned', { why });
}
