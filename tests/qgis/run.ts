/**
 * npm run test:qgis
 * Exports the layers as `npm run export` does and opens them in real QGIS (Debian's qgis and
 * python3-qgis): tests/qgis/check_styles.py checks what QGIS draws from the .qml and .sld files
 * against the web map's colours, and saves its picture of the three layers; check_formats.py opens the
 * GeoPackage (styled from its layer_styles), the KML and the CSV files.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingReport, NEEDS, QGIS_PYTHON, thisSystem } from '../../scripts/test-needs.ts';
import { REPORT_LAYERS } from '../../src/layers/registry.ts';
import { areaColour, theme } from '../../src/theme.ts';
import { cliExport } from '../cli-export.ts';

const missing = NEEDS.filter((need) => need.suite === 'qgis' && !need.find());
if (missing.length > 0) {
  console.error(missingReport(missing, thisSystem()));
  process.exit(2);
}

const dir = cliExport();
const areas = Object.fromEntries(
  REPORT_LAYERS.flatMap(({ id, look }) =>
    look.kind === 'area' ? [[id, { fill: areaColour(look), outline: look.outline }]] : [],
  ),
);
const colours = {
  land: theme.land,
  flows: { route: theme.transitFlow, displacement: theme.displacement },
  areas,
};
const coloursPath = join(dir, 'expected-colours.json');
writeFileSync(coloursPath, JSON.stringify(colours));
const picture = join(dir, 'qgis-render.png');

const python = (script: string, ...args: string[]) =>
  spawnSync(QGIS_PYTHON, [join(import.meta.dirname, script), dir, coloursPath, ...args], {
    stdio: 'inherit',
    env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
  }).status ?? 1;
// Both run, so one run names every failure.
const statuses = [python('check_styles.py', picture), python('check_formats.py')];
process.exit(Math.max(...statuses));
