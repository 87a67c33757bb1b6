/**
 * KML, as Google Earth and Google My Maps export it, with @tmcw/togeojson (Placemark's and geojson.io's
 * reader): placemarks with their styles as simplestyle properties (fill, stroke, icon), ExtendedData
 * as properties, and each feature's folder path, which My Maps uses for its layers.
 */
import { type Folder, kmlWithFolders, type Root } from '@tmcw/togeojson';
import type { Feature, Geometry } from 'geojson';
import { fromLibrary } from './features.ts';
import { decodeText } from './text.ts';
import type { Format, ReadOptions, YourData } from './types.ts';
import { parseXml } from './xml.ts';

export function readKml(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions = {},
  format: Format = 'kml',
): YourData {
  const { text, encoding } = decodeText(bytes);
  const tree = kmlWithFolders(parseXml(text));
  const features: Feature<Geometry | null>[] = [];
  const folders: (string | null)[] = [];
  flatten(tree, null, features, folders);
  return fromLibrary(features, { file: name, format, encoding }, options, { folders });
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
