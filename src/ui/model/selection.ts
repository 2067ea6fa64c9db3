// Keeping the selection and the scroll window consistent with the rows after
// any change (new data, a key, a resize).
import { t } from '../../text/i18n/message.js';
import { rowMatcher } from './filter.js';
import type { ProcRow } from './rows.js';
import type { ViewState } from './view-state.js';

/** An anchor for 'nothing was selected' (an empty list as a filter key came): the first row the filters keep. */
export const NO_ANCHOR_PID = -1;

export function reconcile(state: ViewState, rows: readonly ProcRow[], page: number): ViewState {
  let { cursor, follow, message } = state;
  const { anchor } = state;
  if (anchor !== undefined && follow === undefined) {
    // Only a row the filters keep (the text, the user, kernel threads): a tree also lists the
    // ancestors of what it keeps, for its shape, and those are no one's choice.
    const matches = rowMatcher(state) ?? (() => true);
    const keeps = (row: ProcRow): boolean => row.mark !== 'context' && matches(row.proc);
    const at = anchor === NO_ANCHOR_PID ? -1 : rows.findIndex((row) => row.pid === anchor && keeps(row));
    cursor = at >= 0 ? at : Math.max(0, rows.findIndex(keeps));
  }
  if (follow !== undefined) {
    const at = rows.findIndex((row) => row.pid === follow && row.mark !== 'dead');
    if (at >= 0) cursor = at;
    else {
      message = { text: t('ui.msg.followGone', { pid: follow }), tone: 'info' };
      follow = undefined;
    }
  }
  cursor = Math.max(0, Math.min(cursor, rows.length - 1));
  // Grey context rows (parents outside the scope) are there to orient, not to
  // act on: a signal meant for a watched process must not hit its shell.
  if (rows[cursor]?.mark === 'context') {
    const below = rows.findIndex((row, i) => i > cursor && row.mark !== 'context');
    const above = rows.slice(0, cursor).findLastIndex((row) => row.mark !== 'context');
    cursor = below >= 0 ? below : above >= 0 ? above : cursor;
  }
  const height = Math.max(1, page);
  let offset = Math.min(state.offset, cursor);
  if (cursor >= offset + height) offset = cursor - height + 1;
  offset = Math.max(0, Math.min(offset, rows.length - height));
  if (cursor === state.cursor && offset === state.offset && follow === state.follow && message === state.message) {
    return state;
  }
  // The anchor stays until the caller has the rows it will draw (app.ts clears it after readRows).
  return { ...state, cursor, offset, follow, message };
}
