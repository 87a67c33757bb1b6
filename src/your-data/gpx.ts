/**
 * GPX from a GPS or a phone, with @tmcw/togeojson: waypoints as points, routes and tracks as lines
 * (a track of several segments as a MultiLineString), each with its `_gpxType` (wpt, rte, trk) and
 * its time, which the date column picks up.
 */
import { gpx } from '@tmcw/togeojson';
import { fromLibrary } from './features.ts';
import type { FileBytes } from './file-bytes.ts';
import { checkCount } from './rules.ts';
import { decodeText } from './text.ts';
import type { ReadOptions, YourData } from './types.ts';
import { parseXml } from './xml.ts';

export function readGpx(file: FileBytes, name: string, options: ReadOptions = {}): YourData {
  const { features, encoding } = waypointsAndTracks(file);
  return fromLibrary(features, { file: name, format: 'gpx', encoding }, options);
}

/** The GPX as togeojson reads it; the text and the XML tree go when this returns. */
function waypointsAndTracks(file: FileBytes) {
  const { text, encoding } = decodeText(file.take());
  const doc = parseXml(text);
  checkCount(['wpt', 'rte', 'trk'].reduce((n, tag) => n + doc.getElementsByTagName(tag).length, 0));
  // togeojson marks routes and tracks; waypoints get theirs here, so every feature says what it is.
  const features = gpx(doc).features.map((f) =>
    f.properties?._gpxType ? f : { ...f, properties: { _gpxType: 'wpt', ...f.properties } },
  );
  return { features, encoding };
}
