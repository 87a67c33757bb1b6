/**
 * JSON text to a value, or one problem saying where the text stops being JSON (line and column, as an
 * editor counts them). Pure: callers read the file.
 */
import type { Problem } from './problems.ts';

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: Problem };

const END_OF_INPUT = 'Unexpected end of JSON input';
// V8 appends the position ("in JSON at position 12", Node 22 also "(line 2 column 3)") or, for an
// unexpected token, the text around it; the problem line gives its own position, so both go.
const POSITION = /(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?$/;
const CONTEXT = /, (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s;

export function parseJson(text: string, file: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = positionIn(message) ?? firstBadOffset(text);
    const reason =
      message === END_OF_INPUT
        ? `${message}: is the file cut short?`
        : message.replace(POSITION, '').replace(CONTEXT, '');
    return {
      ok: false,
      problem: { file, id: '(file)', rule: 'json', value: reason, at: lineColumn(text, offset) },
    };
  }
}

/** 1-based line and column of a UTF-16 offset; columns count code points, lines end at \n, \r\n or \r. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: Array.from(lines.at(-1) ?? '').length + 1 };
}

function positionIn(message: string): number | undefined {
  const match = POSITION.exec(message);
  return match ? Number(match[1]) : undefined;
}

/**
 * Node 20 names no position for an unexpected token. Every prefix of the text up to the bad character
 * is JSON cut short, and fails only at its end; every longer prefix fails before its end. So the
 * shortest prefix that fails before its end ends with the bad character. The end of the text if none
 * does: the file is cut short ("Unexpected end of JSON input").
 */
function firstBadOffset(text: string): number {
  let low = 1;
  let high = text.length;
  if (!failsBeforeEnd(text)) return text.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (failsBeforeEnd(text.slice(0, mid))) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message === END_OF_INPUT) return false;
    const position = positionIn(message);
    return position === undefined || position < prefix.length;
  }
}
