import { parseXml, type XmlElement } from '@rgrove/parse-xml';
import { csvParse } from 'd3-dsv';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReportLayers } from '../../scripts/io.ts';
import { GEOPACKAGE_NAME, README_NAME } from '../../src/data/names.ts';
import { columnMeaning, columnMeaningEs } from '../../src/formats/columns.ts';
import { layerCsv } from '../../src/formats/csv.ts';
import { kmlColour, layerKml } from '../../src/formats/kml.ts';
import { buildPackage, LAYER_FORMATS, zipPackage } from '../../src/formats/package.ts';
import { LEAME_HEADING } from '../../src/formats/readme-es.ts';
import { ALTA_VERAPAZ, REPORT_LAYERS, reportLayer, TRANSIT_FLOWS } from '../../src/layers/registry.ts';
import { areaColour, theme } from '../../src/theme.ts';

const data = readReportLayers();

/** Every element named `name` under `node`, depth first. */
function all(node: XmlElement, name: string): XmlElement[] {
  return node.children.flatMap((c) =>
    c instanceof Object && 'name' in c
      ? [...((c as XmlElement).name === name ? [c as XmlElement] : []), ...all(c as XmlElement, name)]
      : [],
  );
}
const textOf = (node: XmlElement | undefined): string => node?.text ?? '';

describe('columns', () => {
  it('are each explained in README.txt', () => {
    const columns = new Set(
      REPORT_LAYERS.flatMap((l) => data[l.id].features.flatMap((f) => Object.keys(f.properties ?? {}))),
    );
    expect([...columns].filter((c) => columnMeaning(c) === undefined)).toEqual([]);
    expect([...columns].filter((c) => columnMeaningEs(c) === undefined)).toEqual([]);
    expect(columnMeaning('not_a_column')).toBeUndefined();
    expect(columnMeaningEs('not_a_column')).toBeUndefined();
    for (const spanish of ['name_es', 'label_es', 'note_es'])
      expect(columns.has(spanish), spanish).toBe(true);
  });
});

describe('KML', () => {
  it('writes a placemark a feature, with its style, name and the popup words as its balloon', () => {
    for (const layer of REPORT_LAYERS) {
      const doc = parseXml(layerKml(layer, data[layer.id].features)).root as XmlElement;
      const styles = new Set(all(doc, 'Style').map((s) => `#${s.attributes.id}`));
      const placemarks = all(doc, 'Placemark');
      expect(placemarks).toHaveLength(data[layer.id].features.length);
      placemarks.forEach((placemark, i) => {
        const feature = data[layer.id].features[i];
        expect(placemark.attributes.id).toBe(feature?.id);
        expect(textOf(all(placemark, 'name')[0])).toBe(feature?.properties?.name);
        expect(styles.has(textOf(all(placemark, 'styleUrl')[0]))).toBe(true);
        const balloon = textOf(all(placemark, 'description')[0]);
        expect(balloon).toContain(String(feature?.properties?.source));
        for (const [key, value] of Object.entries(feature?.properties ?? {}))
          if (key.startsWith('excerpt') && value) expect(balloon).toContain(value);
        // KML has no null: a null column is left out rather than written as "null".
        const written = all(placemark, 'Data').map((d) => d.attributes.name);
        const nulls = Object.entries(feature?.properties ?? {})
          .filter(([, v]) => v === null)
          .map(([k]) => k);
        for (const key of nulls) expect(written).not.toContain(key);
      });
    }
  });

  it("colours each layer as the map does, in KML's aabbggrr", () => {
    expect(kmlColour('#c2410c')).toBe('ff0c41c2');
    const flows = parseXml(layerKml(reportLayer(TRANSIT_FLOWS), data[TRANSIT_FLOWS].features))
      .root as XmlElement;
    const lineColours = all(flows, 'LineStyle').map((s) => textOf(all(s, 'color')[0]));
    expect(lineColours).toEqual([kmlColour(theme.transitFlow), kmlColour(theme.displacement)]);
    const area = reportLayer(ALTA_VERAPAZ);
    const alta = parseXml(layerKml(area, data[ALTA_VERAPAZ].features)).root as XmlElement;
    if (area.look.kind !== 'area') throw new Error('Alta Verapaz is an area');
    expect(textOf(all(all(alta, 'PolyStyle')[0] as XmlElement, 'color')[0])).toBe(
      kmlColour(areaColour(area.look)),
    );
  });

  it('keeps a hostile name as text in the balloon', () => {
    const [feature] = data[ALTA_VERAPAZ].features;
    const hostile = { ...feature, properties: { ...feature?.properties, name: ']]><script>x</script>' } };
    const kml = layerKml(reportLayer(ALTA_VERAPAZ), [hostile as NonNullable<typeof feature>]);
    expect(kml).not.toContain('<script>');
    const placemark = all(parseXml(kml).root as XmlElement, 'Placemark')[0] as XmlElement;
    expect(textOf(all(placemark, 'name')[0])).toBe(']]><script>x</script>');
    expect(textOf(all(placemark, 'description')[0])).toContain('<h3>]]&gt;&lt;script&gt;');
  });
});

describe('CSV', () => {
  it("holds a row a feature: id, the GeoJSON's columns by name, and wkt; UTF-8 with a BOM, CRLF", () => {
    const features = data[ALTA_VERAPAZ].features;
    const text = layerCsv(features);
    expect(text.startsWith('\uFEFFid,layer,name,name_es,label,label_es,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = csvParse(text.slice(1).replaceAll('\r\n', '\n'));
    expect(rows.columns).toEqual(['id', ...Object.keys(features[0]?.properties ?? {}), 'wkt']);
    expect(rows).toHaveLength(features.length);
    expect(rows[0]?.excerpt_3).toBe(features[0]?.properties?.excerpt_3);
    expect(rows[0]?.date_end).toBe(features[0]?.properties?.date_end);
    expect(rows[0]?.label_es).toBe('Alta Verapaz: poderes especiales del ejército');
    expect(rows[0]?.wkt?.startsWith('MULTIPOLYGON (((')).toBe(true);
  });
});

describe('the package', () => {
  it('holds every layer in every format, and the zip adds README.txt and the GeoPackage', () => {
    const pkg = buildPackage(data);
    expect(pkg.files.map((f) => f.name)).toEqual(
      REPORT_LAYERS.flatMap((l) => LAYER_FORMATS.map(({ format }) => `${l.id}.${format}`)),
    );
    const zip = unzipSync(zipPackage(pkg, { geoPackage: new Uint8Array([1, 2, 3]) }));
    expect(Object.keys(zip)).toEqual([README_NAME, ...pkg.files.map((f) => f.name), GEOPACKAGE_NAME]);
    const readme = new TextDecoder().decode(zip[README_NAME]);
    for (const name of Object.keys(zip).filter((n) => n !== README_NAME)) expect(readme).toContain(name);
    for (const heading of ['FILES', 'COLUMNS', 'LICENCES AND SOURCES', 'HOW TO CITE', 'Shapefile'])
      expect(readme).toContain(heading);
    expect(readme).not.toContain('(undocumented)');
  });

  it('README.txt says it all again in Spanish (LÉAME), with the excerpts still English', () => {
    const pkg = buildPackage(data);
    const zip = unzipSync(zipPackage(pkg, { geoPackage: new Uint8Array([1, 2, 3]) }));
    const readme = new TextDecoder().decode(zip[README_NAME]);
    const [english = '', spanish = ''] = readme.split(LEAME_HEADING);
    expect(english).toContain('En español: LÉAME, más abajo.');
    for (const name of Object.keys(zip).filter((n) => n !== README_NAME)) expect(spanish).toContain(name);
    for (const heading of ['ARCHIVOS', 'COLUMNAS', 'LICENCIAS Y FUENTES', 'CÓMO CITARLO', 'Shapefile'])
      expect(spanish).toContain(heading);
    expect(spanish).toMatch(/palabras del reportaje en inglés, textuales y sin traducir/);
    expect(spanish).toMatch(/\*_es \(name_es, label_es, note_es\) son el español propio del proyecto/);
    // Every column the English half explains, the Spanish half explains too.
    const columnsIn = (half: string) => [...half.matchAll(/^ {4}(\w+): /gm)].map((m) => m[1]);
    expect(columnsIn(spanish)).toEqual(columnsIn(english));
    expect(columnsIn(spanish)).toContain('label_es');
    expect(spanish).not.toContain('(sin documentar)');
    expect(spanish).toContain('label_es: label en español');
  });

  it('narrowed, leaves out the layers with nothing left and says so in README.txt', () => {
    const where = 'on 1 June 2007';
    const pkg = buildPackage(data, { at: '2007-06-01', where, formats: ['csv'] });
    expect(pkg.files.map((f) => f.name)).toEqual(['transit-flows.csv', 'militarised-policing.csv']);
    expect(pkg.message).toBe(`Left out, with no feature ${where}: Alta Verapaz.`);
    const readme = new TextDecoder().decode(
      unzipSync(zipPackage(pkg, { narrowed: { at: '2007-06-01' } }))[README_NAME],
    );
    expect(readme).toContain(`only the features ${where}`);
    expect(readme).toContain('solo los elementos el 1 de junio de 2007');
    expect(readme).not.toContain(GEOPACKAGE_NAME);
    expect(readme).not.toContain('alta-verapaz (');
  });
});
