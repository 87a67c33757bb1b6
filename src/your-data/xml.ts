/**
 * XML for KML and GPX, with @xmldom/xmldom: workers have no DOMParser, and xmldom stops at the first
 * error with its line. A DOCTYPE or entity declaration is refused before any parsing, so no entity
 * is ever expanded (billion laughs) and no external entity fetched: KML and GPX never need one.
 */
import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom';
import { lineColumn } from '../data/json.ts';
import { refuse } from './rules.ts';

const DECLARATION = /<!(?:DOCTYPE|ENTITY)/i;
// Text that is only text to the parser: an HTML balloon in CDATA may well start "<!DOCTYPE html>".
const OPAQUE = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;

export function parseXml(text: string): Document {
  // Blanked, not removed, so that a declaration found keeps its line and column.
  const declared = DECLARATION.exec(text.replace(OPAQUE, (m) => m.replace(/[^\r\n]/g, ' ')));
  if (declared) refuse('xml-doctype', undefined, lineColumn(text, declared.index));
  try {
    const doc = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
    // xmldom's Document implements the DOM interfaces togeojson walks; the lib types differ in name only.
    return doc as unknown as Document;
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const message = error instanceof Error ? error.message.replace(/\n[\s\S]*$/, '') : String(error);
    return refuse(
      'xml',
      message.replace(/^\[xmldom \w+\]\s*/, ''),
      locator?.lineNumber ? { line: locator.lineNumber, column: locator.columnNumber ?? 0 } : undefined,
    );
  }
}
