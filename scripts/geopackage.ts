/**
 * The GeoPackage of the three report layers, with their QGIS and SLD styles in a `layer_styles`
 * table as QGIS writes it, so QGIS opens every layer styled. Written by real GDAL (gdal3.js), for
 * `npm run export` and for the production build, which serves it as a static file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExport } from '../src/data/export.ts';
import { layerQml } from '../src/formats/qml.ts';
import { layerSld } from '../src/formats/sld.ts';
import { type ReportData, reportLayer } from '../src/layers/registry.ts';
import { sharedGdal } from './gdal.ts';

/** GDAL's default geometry column in a GeoPackage, which QGIS matches a style row by. */
const GEOMETRY_COLUMN = 'geom';
/** The report's day, at noon UTC, as every timestamp in the file: the same input gives the same bytes. */
const FIXED_TIME = '2012-01-15T12:00:00Z';

/** QGIS's own `layer_styles` columns (QgsOgrProviderUtils::saveStyle), one row a layer. */
function layerStyles(data: ReportData) {
  return {
    type: 'FeatureCollection',
    name: 'layer_styles',
    features: buildExport(data).map(({ layer: id }) => {
      const layer = reportLayer(id);
      return {
        type: 'Feature',
        geometry: null,
        properties: {
          f_table_catalog: '',
          f_table_schema: '',
          f_table_name: id,
          f_geometry_column: GEOMETRY_COLUMN,
          styleName: layer.name,
          styleQML: layerQml(layer),
          styleSLD: layerSld(layer),
          useAsDefault: true,
          description: `The web map's style for ${layer.name}`,
          owner: '',
          ui: null,
          update_time: FIXED_TIME.replace('Z', ''),
        },
      };
    }),
  };
}

let built = 0;

export async function buildGeoPackage(data: ReportData): Promise<Uint8Array> {
  const { gdal, messages } = await sharedGdal();
  // A new name each time: GDAL's virtual output folder lives as long as the process.
  built += 1;
  const output = `layers-${built}`;
  messages.length = 0;
  const dir = mkdtempSync(join(tmpdir(), 'geopackage-'));
  try {
    // The layer's description goes with it: gpkg_contents says what each table is (and that flows are schematic).
    const inputs = buildExport(data).map((f) => ({
      name: f.name,
      text: f.text,
      options: ['-lco', `DESCRIPTION=${reportLayer(f.layer).description}`],
    }));
    inputs.push({
      name: 'layer_styles.geojson',
      text: JSON.stringify(layerStyles(data)),
      options: ['-nlt', 'NONE'],
    });
    let out: Awaited<ReturnType<typeof gdal.ogr2ogr>> | undefined;
    for (const [i, input] of inputs.entries()) {
      writeFileSync(join(dir, input.name), input.text);
      const { datasets } = await gdal.open(join(dir, input.name));
      const dataset = datasets[0];
      if (!dataset) throw new Error(`GDAL could not open ${input.name}: ${messages.join('; ')}`);
      const options = ['-f', 'GPKG', '--config', 'OGR_CURRENT_DATE', FIXED_TIME, ...input.options];
      out = await gdal.ogr2ogr(dataset, i === 0 ? options : [...options, '-update', '-append'], output);
      await gdal.close(dataset);
    }
    if (!out) throw new Error('No layer to write');
    if (messages.length > 0) throw new Error(`GDAL, writing the GeoPackage: ${messages.join('; ')}`);
    return await gdal.getFileBytes(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
