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
// Firefox's own place, which the problem line gives as it counts (code points, not UTF-16 units).
const FIREFOX_POSITION = / at line \d+ column \d+ of the JSON data$/;

export function parseJson(text: string, file: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = positionIn(message) ?? syntaxErrorAt(text);
    const reason =
      message === END_OF_INPUT
        ? `${message}: is the file cut short?`
        : message.replace(POSITION, '').replace(FIREFOX_POSITION, '').replace(CONTEXT, '');
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
 * The offset of the first character that cannot continue JSON (the text's length where it ends too
 * soon), by a scan of JSON's grammar. Only engines' messages tell where JSON.parse stopped, and only
 * V8's name an offset: Node 20 names none for an unexpected token, Firefox a line and column of its
 * own, WebKit nothing. Run only after JSON.parse has failed.
 */
export function syntaxErrorAt(text: string): number {
  const n = text.length;
  let i = 0;
  const space = () => {
    while (i < n && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) throw i;
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) throw i;
      if (c !== 0x5c) {
        i++;
        continue;
      }
      const next = text[i + 1];
      if (next === 'u') {
        for (let k = 2; k < 6; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw i + k;
        i += 6;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
      else throw i + 1;
    }
    throw n;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') throw i;
          string();
          space();
          if (text[i] !== ':') throw i;
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else throw i;
      }
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text);
      if (!number) throw i;
      i += number[0].length;
    }
  };
  try {
    value();
    space();
    return i;
  } catch (at) {
    // A nesting too deep for the stack: the start, rather than nowhere.
    return typeof at === 'number' ? Math.min(at, n) : 0;
  }
}
