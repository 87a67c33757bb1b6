/**
 * KML, as Google Earth and Google My Maps export it, with @tmcw/togeojson (Placemark's and geojson.io's
 * reader): placemarks with their styles as simplestyle properties (fill, stroke, icon), ExtendedData
 * as properties, and each feature's folder path, which My Maps uses for its layers.
 */
import { type Folder, kmlWithFolders, type Root } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { countPlacemarks } from './count.ts';
import { fromLibrary } from './features.ts';
import type { FileBytes } from './file-bytes.ts';
import { checkCount } from './rules.ts';
import { decodeText } from './text.ts';
import { type Format, properties, type ReadOptions, type YourData } from './types.ts';
import { parseXml } from './xml.ts';

export function readKml(
  file: FileBytes,
  name: string,
  options: ReadOptions = {},
  format: Format = 'kml',
): YourData {
  // Counted in the bytes first, so a file of too many placemarks is refused before it is parsed.
  checkCount(countPlacemarks(file.peek()));
  const { features, folders, encoding } = placemarks(file);
  return fromLibrary(features.map(unshieldNames), { file: name, format, encoding }, options, { folders });
}

/** The placemarks as togeojson reads them; the text and the XML tree go when this returns. */
function placemarks(file: FileBytes) {
  const { text, encoding } = decodeText(file.take());
  const doc = parseXml(text);
  checkCount(doc.getElementsByTagName('Placemark').length);
  shieldNames(doc);
  const tree = kmlWithFolders(doc);
  const features: Feature<Geometry | null>[] = [];
  const folders: (string | null)[] = [];
  flatten(tree, null, features, folders);
  return { features, folders, encoding };
}

/**
 * togeojson keeps ExtendedData in plain objects and looks each SimpleData's type up in one, so a
 * name Object.prototype has (`__proto__`, `constructor`, `toString`) is lost or breaks the read.
 * Such names cross togeojson behind a NUL, which no XML name or value can hold, and come back after.
 */
const SHIELD = '\u0000';
const NAMED = ['Data', 'SimpleData', 'SimpleField'];

function shieldNames(doc: Document): void {
  for (const tag of NAMED) {
    for (const element of Array.from(doc.getElementsByTagName(tag))) {
      const name = element.getAttribute('name');
      if (name !== null && (name === '__proto__' || name in Object.prototype))
        element.setAttribute('name', `${SHIELD}${name}`);
    }
  }
}

function unshieldNames(feature: Feature<Geometry | null>): Feature<Geometry | null> {
  const entries = Object.entries(feature.properties ?? {});
  if (!entries.some(([key]) => key.startsWith(SHIELD))) return feature;
  const unshielded = entries.map(
    ([key, value]) => [key.startsWith(SHIELD) ? key.slice(1) : key, value] as const,
  );
  return { ...feature, properties: properties(unshielded) };
}

function flatten(
  node: Root | Folder,
  path: string | null,
  features: Feature<Geometry | null>[],
  folders: (string | null)[],
): void {
  for (const child of node.children) {
    if (child.type === 'folder') {
      const folder =
        typeof child.meta.name === 'string' && child.meta.name !== '' ? child.meta.name : '(folder)';
      flatten(child, path === null ? folder : `${path} / ${folder}`, features, folders);
    } else {
      features.push(plainDescription(child));
      folders.push(path);
    }
  }
}

/** togeojson gives an HTML description as { "@type": "html", value }; the popup shows it as text. */
function plainDescription(feature: Feature<Geometry | null>): Feature<Geometry | null> {
  const description: unknown = feature.properties?.description;
  if (typeof description !== 'object' || description === null || !('value' in description)) return feature;
  return { ...feature, properties: { ...feature.properties, description: String(description.value) } };
}
