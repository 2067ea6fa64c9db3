// A benchmark flag that takes a whole number within bounds.

/** `text` as a whole number in min..max, or an error naming the flag `what`. */
export function wholeArg(text: string, min: number, max: number, what: string): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new Error(`${what} wants a whole number ${min}..${max}, got "${text}"`);
  return Number(text);
}
