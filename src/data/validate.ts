/**
 * Validation gate for the GeoJSON layer files: geojson-validation for the structure, plus the RFC 7946
 * rules it leaves out and this project's rules on ids and properties. Pure: callers read the files.
 */
// @ts-expect-error geojson-validation ships no type declarations; GjvApi below types the two calls used.
import gjvModule from 'geojson-validation';
import {
  describe,
  describeError,
  isJsonObject,
  type JsonObject,
  jsonType,
  oneLine,
  type Problem,
  type Report,
  truncate,
} from './problems.ts';
import { checkEvidence } from './validate-evidence.ts';
import { checkCrs, checkGeometry } from './validate-geometry.ts';
import { checkTranslations } from './validate-translation.ts';

export type { Problem, Rule } from './problems.ts';

export interface ValidateOptions {
  file: string;
  required?: readonly string[];
  /** Properties in the project's own words, each needing its Spanish `<key>_es` wherever it has text. */
  translated?: readonly string[];
}

interface GjvApi {
  valid(object: unknown, trace: true): unknown;
  isFeature(object: unknown, trace: true): unknown;
}

const gjv = gjvModule as GjvApi;

const COLLECTION = '(collection)';
// geojson-validation checks ring closure and length too; our own ring rules report them with the
// offending value, so its messages would only duplicate them.
const GJV_RING_MESSAGES = [
  'The first and last positions must be equivalent',
  'coordinates must have at least four positions',
];

export function validateFeatureCollection(input: unknown, options: ValidateOptions): Problem[] {
  const problems: Problem[] = [];
  const reporter =
    (id: string): Report =>
    (rule, value) => {
      problems.push({ file: options.file, id, rule, value });
    };
  const collection = reporter(COLLECTION);
  if (!isJsonObject(input)) {
    collection('geojson', `expected a FeatureCollection object, got ${jsonType(input)}`);
    return problems;
  }
  if (input.type !== 'FeatureCollection') {
    collection('geojson', `type is ${describe(input.type)}, expected "FeatureCollection"`);
    return problems;
  }
  // Features are validated one by one below, so a malformed feature is reported under its own id.
  const shell = Array.isArray(input.features) ? { ...input, features: [] } : input;
  for (const message of gjvMessages(() => gjv.valid(shell, true))) collection('geojson', message);
  checkCrs(input, collection);
  if (!Array.isArray(input.features)) return problems;

  const features: readonly unknown[] = input.features;
  const required = options.required ?? [];
  const translated = options.translated ?? [];
  const types = new Map<string, { type: string; id: string }>();
  const firstIndexById = new Map<string, number>();
  features.forEach((feature, index) => {
    const id = featureLabel(feature, index);
    const report = reporter(id);
    checkFeature(feature, { required, translated }, report);
    if (!isJsonObject(feature)) return;
    checkIdUnique(feature.id, index, firstIndexById, report);
    checkPropertyTypes(feature.properties, id, types, report);
  });
  return problems;
}

/** Validates each file, then checks that feature ids are unique across all of them. */
export function validateAll(files: readonly (ValidateOptions & { data: unknown })[]): Problem[] {
  const problems: Problem[] = [];
  const firstFileById = new Map<string, number>();
  files.forEach(({ file, data, required, translated }, fileIndex) => {
    problems.push(...validateFeatureCollection(data, { file, required, translated }));
    for (const { id, index } of featureIds(data)) {
      const first = firstFileById.get(id);
      if (first === undefined) firstFileById.set(id, fileIndex);
      else if (first !== fileIndex) {
        const value = `${id} at #${index} (first in ${files[first]?.file})`;
        problems.push({ file, id, rule: 'id-unique', value });
      }
    }
  });
  return problems;
}

export function formatProblem(p: Problem): string {
  const where = p.at ? `line ${p.at.line}, column ${p.at.column}` : `feature ${truncate(oneLine(p.id))}`;
  return `${oneLine(p.file)}: ${where}: ${p.rule}: ${truncate(oneLine(p.value))}`;
}

interface PropertyRules {
  required: readonly string[];
  translated: readonly string[];
}

function checkFeature(feature: unknown, rules: PropertyRules, report: Report): void {
  for (const message of gjvMessages(() => gjv.isFeature(feature, true))) report('geojson', message);
  if (!isJsonObject(feature)) return;
  checkCrs(feature, report);
  checkIdPresent(feature, report);
  checkProperties(feature.properties, rules, report);
  checkGeometry(feature.geometry, '', 0, report);
}

/** geojson-validation throws on some malformed input (e.g. an empty ring); that is a finding, not a crash. */
function gjvMessages(run: () => unknown): string[] {
  try {
    const messages = run();
    if (!Array.isArray(messages)) return [];
    return messages.map(String).filter((m) => !GJV_RING_MESSAGES.some((ring) => m.endsWith(ring)));
  } catch (error) {
    return [`geojson-validation threw: ${describeError(error)}`];
  }
}

/** RFC 7946 §3.2 makes id optional, string or number; the map and the export need a string on each one. */
function checkIdPresent(feature: JsonObject, report: Report): void {
  const id = feature.id;
  if (typeof id === 'string' && id !== '') return;
  report('id-missing', id === undefined ? '(absent)' : `${describe(id)} (${jsonType(id)})`);
}

function checkIdUnique(
  id: unknown,
  index: number,
  firstIndexById: Map<string, number>,
  report: Report,
): void {
  if (typeof id !== 'string' || id === '') return;
  const first = firstIndexById.get(id);
  if (first === undefined) firstIndexById.set(id, index);
  else report('id-unique', `${id} at #${index} (first at #${first})`);
}

/**
 * RFC 7946 §3.2: properties is an object or null. Flat, because MapLibre's tiling turns nested values
 * into strings.
 */
function checkProperties(properties: unknown, rules: PropertyRules, report: Report): void {
  if (properties !== null && properties !== undefined && !isJsonObject(properties)) {
    report('geojson', `properties is ${jsonType(properties)}, expected object or null`);
  }
  const props = isJsonObject(properties) ? properties : {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'object' && value !== null) report('property-flat', `${key}: ${describe(value)}`);
  }
  for (const key of rules.required) {
    if (!Object.hasOwn(props, key) || props[key] === undefined) report('property-required', key);
  }
  checkEvidence(props, report);
  checkTranslations(props, rules.translated, report);
}

/** One JSON type per key across the file, so style expressions see one type; null means "no value". */
function checkPropertyTypes(
  properties: unknown,
  id: string,
  types: Map<string, { type: string; id: string }>,
  report: Report,
): void {
  if (!isJsonObject(properties)) return;
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    const type = jsonType(value);
    const seen = types.get(key);
    if (seen === undefined) types.set(key, { type, id });
    else if (seen.type !== type) report('property-type', `${key} is ${type}, was ${seen.type} on ${seen.id}`);
  }
}

function featureLabel(feature: unknown, index: number): string {
  return isJsonObject(feature) && typeof feature.id === 'string' && feature.id !== ''
    ? feature.id
    : `#${index}`;
}

function featureIds(input: unknown): { id: string; index: number }[] {
  if (!isJsonObject(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) return [];
  const features: readonly unknown[] = input.features;
  return features.flatMap((feature, index) =>
    isJsonObject(feature) && typeof feature.id === 'string' && feature.id !== ''
      ? [{ id: feature.id, index }]
      : [],
  );
}
