/** The gate's findings, and how values are written in them: one line each, short, never markup. */

export type Rule =
  | 'json'
  | 'geojson'
  | 'finite'
  | 'longitude'
  | 'latitude'
  | 'ring-closed'
  | 'ring-length'
  | 'winding-exterior'
  | 'winding-hole'
  | 'precision'
  | 'dimensions'
  | 'crs'
  | 'id-missing'
  | 'id-unique'
  | 'property-type'
  | 'property-flat'
  | 'property-required'
  | 'date'
  | 'date-precision'
  | 'date-order'
  | 'excerpt'
  | 'translation';

export interface Problem {
  file: string;
  id: string;
  rule: Rule;
  value: string;
  /** Where in the file's text, for a problem found before there were features to name (invalid JSON). */
  at?: { line: number; column: number };
}

export type JsonObject = Record<string, unknown>;
export type Report = (rule: Rule, value: string) => void;

const MAX_VALUE_LENGTH = 80;

export function eachItem(
  value: unknown,
  path: string,
  visit: (item: unknown, path: string, index: number) => void,
): void {
  if (!Array.isArray(value)) return;
  value.forEach((item: unknown, index) => {
    visit(item, `${path}[${index}]`, index);
  });
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function describePosition(position: unknown): string {
  if (!Array.isArray(position)) return describe(position);
  return `[${position.map((value: unknown) => describe(value)).join(',')}]`;
}

/** JSON text where possible; numbers via String so Infinity does not read as JSON's null. */
export function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return typeof value;
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : describe(error);
}

/** Escapes control characters and line separators, so one problem is always one line. */
export function oneLine(text: string): string {
  return text.replace(
    /\p{Cc}|[\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function truncate(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_VALUE_LENGTH ? text : `${chars.slice(0, MAX_VALUE_LENGTH - 1).join('')}…`;
}
