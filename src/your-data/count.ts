/**
 * Counting a file's features in its bytes, before decoding or parsing them (issue 34): a file over
 * FEATURE_LIMITS.refuse is refused without a full parse. Each count may overstate (a property whose
 * value is "Feature", a placemark inside a comment), never understates a UTF-8 or Windows-1252 file,
 * and costs one scan of the bytes. UTF-16 files (no ASCII bytes in a row) count 0 and are counted
 * again after parsing, as before.
 */

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const FEATURE = ascii('Feature"');
const TYPE = ascii('"type"');
const PLACEMARK = ascii('Placemark');

const isSpace = (b: number | undefined): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

function matchesAt(bytes: Uint8Array, at: number, pattern: number[]): boolean {
  if (at < 0 || at + pattern.length > bytes.length) return false;
  for (let i = 0; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}

/** Occurrences of `"type": "Feature"` (any white space around the colon). */
export function countGeoJsonFeatures(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(0x46); at !== -1; at = bytes.indexOf(0x46, at + 1)) {
    if (bytes[at - 1] !== 0x22 || !matchesAt(bytes, at, FEATURE)) continue;
    let back = at - 2;
    while (isSpace(bytes[back])) back--;
    if (bytes[back] !== 0x3a) continue;
    back--;
    while (isSpace(bytes[back])) back--;
    if (matchesAt(bytes, back - TYPE.length + 1, TYPE)) count++;
  }
  return count;
}

/** Opening tags `<Placemark` or `<prefix:Placemark`, followed by `>`, `/` or white space. */
export function countPlacemarks(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(0x50); at !== -1; at = bytes.indexOf(0x50, at + 1)) {
    if (!matchesAt(bytes, at, PLACEMARK)) continue;
    const next = bytes[at + PLACEMARK.length];
    if (next !== 0x3e && next !== 0x2f && !isSpace(next)) continue;
    let back = at - 1;
    // A namespace prefix: letters, digits, '-', '_' or '.', then ':'.
    if (bytes[back] === 0x3a) {
      back--;
      while (back >= 0 && /[\w.-]/.test(String.fromCharCode(bytes[back] as number))) back--;
    }
    if (bytes[back] === 0x3c) count++;
  }
  return count;
}
