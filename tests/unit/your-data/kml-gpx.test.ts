import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../../src/your-data/read.ts';
import { formatReadProblem } from '../../../src/your-data/rules.ts';
import { skippedText } from '../../../src/your-data/types.ts';
import { fixture, props, read } from './helpers.ts';

describe('KML, KMZ and GPX', () => {
  it('reads a My Maps KML: folders, styles, ExtendedData, a description as text', () => {
    const data = read('mymaps-kml/airstrips.kml');
    expect(data.format).toBe('kml');
    expect(data.features.map((f) => f.properties?.name)).toEqual([
      'Pista Laguna del Tigre',
      'Pista Sayaxché',
      'Ruta al norte',
    ]);
    expect(data.folders).toEqual(['Pistas', 'Pistas / Sin confirmar', 'Rutas']);
    expect(props(data, 0)).toMatchObject({ fuente: 'Prensa Libre', 'icon-color': '#db4436' });
    expect(props(data, 2)).toMatchObject({ stroke: '#ff0000', 'stroke-width': 1.2 });
    expect(props(data, 0).description).toBe('Destruida por el ejército <b>2011</b><script>alert(1)</script>');
    expect(data.dates?.values.map((d) => d && [d.date, d.unit])).toEqual([
      ['2011-05', 'month'],
      ['2011', 'year'],
      null,
    ]);
    expect(data.skipped.map(skippedText)).toEqual(['1 of 4 features had no geometry: feature 4']);
  });

  it('reads a KMZ, zipped in the test, as its doc.kml', () => {
    const kmz = zipSync({
      'doc.kml': fixture('mymaps-kml/airstrips.kml'),
      'files/icon.png': new Uint8Array(8),
    });
    const result = readFile(kmz, 'airstrips.kmz');
    if (!result.ok) throw new Error(formatReadProblem(result.problem));
    expect(result.format).toBe('kmz');
    expect(result.features).toHaveLength(3);
    expect(result.folders?.[1]).toBe('Pistas / Sin confirmar');
  });

  it('reads GPX waypoints, routes and tracks, dated by their time', () => {
    const data = read('gpx/field-work.gpx');
    expect(data.features.map((f) => [f.properties?._gpxType, f.properties?.name, f.geometry.type])).toEqual([
      ['trk', 'Driven', 'LineString'],
      ['rte', 'Planned', 'LineString'],
      ['wpt', 'Cobán', 'Point'],
      ['wpt', 'Flores', 'Point'],
    ]);
    expect(data.dates?.column).toBe('time');
    expect(data.dates?.values.map((d) => d?.date ?? null)).toEqual([null, null, '2011-03-04', '2011-03-05']);
  });

  it('refuses a KML in UTM metres with the reason, not "0 features"', () => {
    const kml = strToU8(
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><Point><coordinates>832005.65,1874808.3</coordinates></Point></Placemark></kml>',
    );
    const result = readFile(kml, 'utm.kml');
    expect(result.ok ? 'read' : formatReadProblem(result.problem)).toBe(
      'utm.kml: the file holds no features with a location: 1 of 1 features had coordinates beyond ±90 latitude or ±180 longitude (projected, or swapped?): feature 1',
    );
  });

  it('reads a KML whose HTML balloon, in CDATA, is a whole document with its DOCTYPE', () => {
    const kml = strToU8(
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>x</name>' +
        '<description><![CDATA[<!DOCTYPE html><html><body>Pista</body></html>]]></description>' +
        '<!-- <!DOCTYPE kml> in a comment is text too -->' +
        '<Point><coordinates>-90,15</coordinates></Point></Placemark></kml>',
    );
    const result = readFile(kml, 'balloon.kml');
    expect(result.ok && result.features[0]?.properties?.description).toBe(
      '<!DOCTYPE html><html><body>Pista</body></html>',
    );
  });

  it("keeps a Placemark's own id", () => {
    const kml = strToU8(
      '<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark id="pista-3"><Point><coordinates>-90,15</coordinates></Point></Placemark></kml>',
    );
    const result = readFile(kml, 'ids.kml');
    expect(result.ok && [result.features[0]?.id, result.sourceIds]).toEqual([0, ['pista-3']]);
    expect(read('mymaps-kml/airstrips.kml').sourceIds).toBeUndefined();
  });
});
