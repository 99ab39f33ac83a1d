/** Offset of the nth (0-based) occurrence of `needle` in `text`, or -1: where a labelled case's text sits. */
export function nthIndex(text: string, needle: string, nth: number): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}
