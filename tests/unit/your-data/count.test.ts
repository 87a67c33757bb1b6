/**
 * Issue 34's large files: counts taken from the bytes refuse a file of too many features before it
 * is parsed.
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countGeoJsonFeatures, countPlacemarks } from '../../../src/your-data/count.ts';
import { readFile } from '../../../src/your-data/read.ts';
import { FEATURE_LIMITS, formatReadProblem } from '../../../src/your-data/rules.ts';
import { fixture } from './helpers.ts';

const over = FEATURE_LIMITS.refuse + 1;

describe('counting features in the bytes', () => {
  it('counts "type": "Feature" however spaced, not FeatureCollection', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature"},{ "type" :\n "Feature" },{"kind":"Feature"}]}';
    expect(countGeoJsonFeatures(strToU8(text))).toBe(2);
  });

  it('counts placemarks with or without a namespace prefix, not PlacemarkX or closing tags', () => {
    const text =
      '<kml><Placemark><name/></Placemark><kml:Placemark id="a"/><PlacemarkX/><Placemark\n/></kml>';
    expect(countPlacemarks(strToU8(text))).toBe(3);
  });

  it('refuses a GeoJSON of more than 2,000,000 features before parsing it', () => {
    // Broken at its end: had it been parsed, the line would say the JSON is invalid.
    const bytes = strToU8(`{"type":"FeatureCollection","features":[${'{"type":"Feature"},'.repeat(over)}`);
    const result = readFile(bytes, 'many.geojson');
    expect(result.ok ? 'read' : formatReadProblem(result.problem)).toBe(
      'many.geojson: the file holds more than 2,000,000 features, more than the map can draw: refused',
    );
  });

  it('refuses a KML of more than 2,000,000 placemarks before parsing it', () => {
    // Not well-formed (no closing tag): had it been parsed, the line would say so.
    const bytes = strToU8(`<?xml version="1.0"?><kml><Document>${'<Placemark/>'.repeat(over)}`);
    const result = readFile(bytes, 'many.kml');
    expect(result.ok ? 'read' : result.problem.rule).toBe('too-many');
  });

  it('reads a file at the limit as before', () => {
    expect(countGeoJsonFeatures(fixture('page/hostile-points.geojson'))).toBe(2);
    expect(readFile(fixture('page/hostile-points.geojson'), 'p.geojson').ok).toBe(true);
  });
});
