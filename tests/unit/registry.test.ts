import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportLayerUrls } from '../../src/files/urls.ts';
import { isReportLayerId, REPORT_LAYERS, reportLayer } from '../../src/layers/registry.ts';

describe('the layer registry', () => {
  // GIS users script against these ids, which are also the export file names: a change breaks them.
  it('keeps the layer ids GIS users script against, top to bottom', () => {
    expect(REPORT_LAYERS.map((l) => l.id)).toEqual(['transit-flows', 'alta-verapaz', 'militarised-policing']);
  });

  it('has an authored source and a built file for every layer, and the page loads each', () => {
    for (const { id } of REPORT_LAYERS) {
      expect(existsSync(new URL(`../../geodata/layers/${id}.geojson`, import.meta.url)), id).toBe(true);
      expect(existsSync(new URL(`../../geodata/sources/${id}.json`, import.meta.url)), id).toBe(true);
    }
    expect(Object.keys(reportLayerUrls).sort()).toEqual(REPORT_LAYERS.map((l) => l.id).sort());
  });

  it('gives every layer a one-line description for the legend', () => {
    for (const layer of REPORT_LAYERS) {
      expect(layer.description.length, layer.id).toBeGreaterThan(10);
      expect(layer.description, layer.id).not.toContain('\n');
    }
  });

  it('recognises only its own ids, never an inherited property name', () => {
    expect(isReportLayerId('alta-verapaz')).toBe(true);
    expect(isReportLayerId('__proto__')).toBe(false);
    expect(isReportLayerId('toString')).toBe(false);
    expect(() => reportLayer('nope' as never)).toThrow('Unknown report layer: nope');
  });
});
