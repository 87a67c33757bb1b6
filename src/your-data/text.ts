/**
 * Bytes to text the way Excel and Google write them: UTF-8 (with or without BOM), UTF-16 with its
 * byte-order mark (Excel's "Unicode Text"), else Windows-1252.
 */
import type { Encoding } from './types.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// The WHATWG "windows-1252" decoder maps every byte, so it never fails: the fallback always reads.
const windows1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  const utf16 = utf16Mark(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = utf8.decode(bom ? bytes.subarray(3) : bytes);
    return { text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}

const utf16Mark = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined =>
  bytes[0] === 0xff && bytes[1] === 0xfe
    ? 'utf-16le'
    : bytes[0] === 0xfe && bytes[1] === 0xff
      ? 'utf-16be'
      : undefined;

/** True when the start of the file has bytes no text file holds (NUL, or mostly control bytes). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Mark(bytes)) return false; // its ASCII has a NUL every other byte
  const head = bytes.subarray(0, 4096);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  return control > head.length / 10;
}
