// STAT as procps `ps` prints it (ps/output.c pr_stat): the state letter, then
// in this order `<` nice < 0, `N` nice > 0, `L` pages locked in memory (VmLck),
// `s` session leader (sid == pid), `l` multi-threaded, `+` in the foreground
// process group of its terminal (pgid == tpgid).

export interface StatInputs {
  readonly pid: number;
  /** stat field 3. */
  readonly state: string;
  /** stat field 19. */
  readonly nice: number;
  /** stat field 6. */
  readonly sid: number;
  /** stat field 20. */
  readonly threads: number;
  /** stat field 5. */
  readonly pgid: number;
  /** stat field 8 (-1 without a terminal, so never equal to a pgid). */
  readonly tpgid: number;
}

/** `lockedKb`: status `VmLck:` in kB. */
export function statLetters(p: StatInputs, lockedKb: number): string {
  let stat = p.state;
  if (p.nice < 0) stat += '<';
  if (p.nice > 0) stat += 'N';
  if (lockedKb > 0) stat += 'L';
  if (p.sid === p.pid) stat += 's';
  if (p.threads > 1) stat += 'l';
  if (p.pgid === p.tpgid) stat += '+';
  return stat;
}
