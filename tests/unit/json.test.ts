import { afterEach, describe, expect, it, vi } from 'vitest';
import { lineColumn, parseJson, syntaxErrorAt } from '../../src/data/json.ts';
import { formatProblem } from '../../src/data/validate.ts';

function lineOf(text: string): string {
  const parsed = parseJson(text, 'a.json');
  if (parsed.ok) throw new Error(`parsed: ${JSON.stringify(parsed.value)}`);
  return formatProblem(parsed.problem);
}

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"a": [1, "é", null]}\n', 'a.json')).toEqual({
      ok: true,
      value: { a: [1, 'é', null] },
    });
  });

  it.each([
    {
      label: 'a position Node names',
      text: '{\n  "a" 1\n}\n',
      line: "a.json: line 2, column 7: json: Expected ':' after property name",
    },
    {
      label: 'an unexpected token, for which Node 20 names no position',
      text: '{\n  "a": [1,]\n}\n',
      line: "a.json: line 2, column 11: json: Unexpected token ']'",
    },
    {
      label: 'an unexpected token in a long file, without the text Node quotes around it',
      text: `{\n  "a": "${'x'.repeat(200)}",\n  "b": nul,\n  "c": "${'y'.repeat(200)}"\n}\n`,
      line: "a.json: line 3, column 11: json: Unexpected token ','",
    },
    {
      label: 'a file cut short: the end of the file',
      text: '{\n  "a": [1,\n  ',
      line: 'a.json: line 3, column 3: json: Unexpected end of JSON input: is the file cut short?',
    },
    {
      label: 'an empty file',
      text: '',
      line: 'a.json: line 1, column 1: json: Unexpected end of JSON input: is the file cut short?',
    },
    {
      label: 'text after the value',
      text: '{"a": 1}\n}\n',
      line: 'a.json: line 2, column 1: json: Unexpected non-whitespace character after JSON',
    },
    {
      label: 'a string cut short',
      text: '{"a": "unterminated',
      line: 'a.json: line 1, column 20: json: Unterminated string',
    },
  ])('names the line and column of $label', ({ text, line }) => {
    expect(lineOf(text)).toBe(line);
  });
});

// The readers' worker runs in the reader's browser, whose JSON.parse words its errors its own way.
describe('parseJson in the other engines', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const engine = (message: string) =>
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new SyntaxError(message);
    });

  it("places Firefox's error itself, and drops Firefox's own place from the words", () => {
    engine(
      "JSON.parse: expected ',' or '}' after property value in object at line 2 column 9 of the JSON data",
    );
    expect(lineOf('{\n  "a": 1 "b": 2}\n')).toBe(
      "a.json: line 2, column 10: json: JSON.parse: expected ',' or '}' after property value in object",
    );
  });

  it("places WebKit's error, which names no place, and a string cut short at the end", () => {
    engine("JSON Parse error: Expected '}'");
    expect(lineOf('{\n  "a": 1 "b": 2}\n')).toBe(
      "a.json: line 2, column 10: json: JSON Parse error: Expected '}'",
    );
    engine('JSON Parse error: Unterminated string');
    expect(lineOf('{"type":"Feat')).toBe(
      'a.json: line 1, column 14: json: JSON Parse error: Unterminated string',
    );
  });
});

describe('syntaxErrorAt', () => {
  it.each([
    ['{"a": tru}', 9],
    ['[1, 2,, 3]', 6],
    ['{"a": "\\q"}', 8],
    ['{"a": "\\u12G4"}', 11],
    ['{"a"  1}', 6],
    ['[01]', 2],
    ['{"a": [1, {"b": null}], "c": -1.5e3}', 36],
    ['"tab\there"', 4],
  ])('%s: %i', (text, at) => {
    expect(syntaxErrorAt(text)).toBe(at);
  });

  it('gives the start for a nesting deeper than the stack', () => {
    expect(syntaxErrorAt('['.repeat(1_000_000))).toBe(0);
  });
});

describe('lineColumn', () => {
  it('counts \\r\\n and \\r as one line end each', () => {
    expect(lineColumn('a\r\nb\rc\nd', 7)).toEqual({ line: 4, column: 1 });
  });

  it('counts columns in characters, so an emoji is one column', () => {
    expect(lineColumn('{"😀": x}', '{"😀": '.length)).toEqual({ line: 1, column: 7 });
  });
});
