// One line of tree text as pstree writes it, cut at the output width. The
// rule is psmisc pstree's (out_char, 23.x): with an output width of W columns,
// the first W - 1 columns are written and whatever would reach column W or
// beyond becomes a single `+` (so a line of exactly W columns is cut too).
// pstree counts a character as one column; we count terminal cells, so a wide
// name (which pstree would have escaped as octal anyway) is cut where it
// crosses the edge rather than after W - 1 characters.
import { charWidth, displayWidth } from '../../text/width.js';

export class TreeLine {
  #text = '';
  #used = 0;
  #cut = false;

  /** `width`: the output width in columns; undefined draws lines whole (pstree -l). */
  constructor(private readonly width: number | undefined) {}

  /** Whether the line has reached the edge: pstree draws no children after a label that ends there. */
  get full(): boolean {
    return this.width !== undefined && (this.#cut || this.#used >= this.width - 1);
  }

  /** `cells`: the terminal cells of `text` when the caller knows them (the line-drawing pieces), so they are not measured again. */
  write(text: string, cells?: number): void {
    if (this.#cut) return;
    const width = this.width;
    if (width === undefined) {
      this.#text += text;
      return;
    }
    const taken = cells ?? displayWidth(text);
    if (this.#used + taken <= width - 1) {
      this.#text += text;
      this.#used += taken;
      return;
    }
    for (const char of text) {
      const cell = charWidth(char);
      if (this.#used + cell > width - 1) {
        this.#text += '+';
        this.#cut = true;
        return;
      }
      this.#text += char;
      this.#used += cell;
    }
  }

  /** The finished line; the writer starts a new one. */
  end(): string {
    const text = this.#text;
    this.#text = '';
    this.#used = 0;
    this.#cut = false;
    return text;
  }
}
