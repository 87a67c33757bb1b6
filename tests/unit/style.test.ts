import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { MISSION_LAYERS } from '../../src/layers/registry.ts';
import { COUNTRIES_SOURCE, DEPARTMENTS_SOURCE, LABELS_SOURCE } from '../../src/style/basemap.ts';
import { buildStyle } from '../../src/style/index.ts';
import {
  arrowColour,
  clickableLayers,
  MISSION_METADATA_KEY,
  MISSION_SOURCE,
  missionGroups,
  pulseLayerIds,
} from '../../src/style/mission.ts';
import { theme } from '../../src/style/theme.ts';

const style = buildStyle({
  countries: 'http://localhost/countries.geojson',
  departments: 'http://localhost/departments.geojson',
  labels: 'http://localhost/labels.geojson',
  fontRegular: 'http://localhost/regular.woff2',
  fontBold: 'http://localhost/bold.woff2',
});
const missionOf = (layer: LayerSpecification): unknown =>
  (layer.metadata as Record<string, unknown> | undefined)?.[MISSION_METADATA_KEY];

describe('the generated style', () => {
  it('passes the MapLibre style-spec validator with no errors', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('has unique layer ids, and every layer draws from a source the style declares', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of style.layers) {
      if ('source' in layer) expect(Object.keys(style.sources)).toContain(layer.source);
    }
  });

  it('asks no glyph server for labels: fonts come from the bundled font-faces', () => {
    expect(style.glyphs).toBeUndefined();
    const fonts = new Set(
      style.layers.flatMap((l) => (l.type === 'symbol' ? ((l.layout?.['text-font'] as string[]) ?? []) : [])),
    );
    expect([...fonts].sort()).toEqual(Object.keys(style['font-faces'] ?? {}).sort());
  });

  it('draws every text label above every fill and line, so nothing hides a label', () => {
    const isText = (l: LayerSpecification) => l.type === 'symbol' && l.layout?.['text-field'] !== undefined;
    const firstText = style.layers.findIndex(isText);
    const lastFillOrLine = style.layers.findLastIndex((l) => l.type === 'fill' || l.type === 'line');
    expect(firstText).toBeGreaterThan(lastFillOrLine);
  });

  it('tags each mission style layer with a registered mission layer, and every mission layer is drawn', () => {
    const tagged = style.layers.map(missionOf).filter((m) => m !== undefined);
    expect(new Set(tagged)).toEqual(new Set(MISSION_LAYERS.map((l) => l.id)));
    for (const layer of style.layers) {
      const mission = missionOf(layer);
      if (mission !== undefined && 'source' in layer) expect(layer.source).toBe(MISSION_SOURCE);
    }
  });

  it('groups the style layers of each mission layer, so one toggle reaches them all', () => {
    const groups = missionGroups(style.layers);
    expect([...groups.keys()].sort()).toEqual(MISSION_LAYERS.map((l) => l.id).sort());
    expect(groups.get('transit-flows')).toEqual(
      expect.arrayContaining(['transit-flows-route', 'transit-flows-arrows', 'transit-flows-labels']),
    );
    expect(groups.get('militarised-policing')).toEqual(
      expect.arrayContaining(['militarised-policing-fill', 'militarised-policing-label']),
    );
  });

  it('is generated from the registry: the first entry is drawn on top, as the legend lists it', () => {
    const lastIndex = (mission: string) =>
      style.layers.findLastIndex((l) => missionOf(l) === mission && l.type !== 'symbol');
    const firstIndex = (mission: string) => style.layers.findIndex((l) => missionOf(l) === mission);
    expect(firstIndex('transit-flows')).toBeGreaterThan(lastIndex('alta-verapaz'));
    expect(firstIndex('alta-verapaz')).toBeGreaterThan(lastIndex('militarised-policing'));
    expect(style.layers.find((l) => l.id === 'alta-verapaz-fill')).toMatchObject({
      paint: { 'fill-color': theme.altaVerapazFill },
    });
  });

  it('lets clicks pick features from the fills and the flow lines only', () => {
    expect(clickableLayers(style.layers).sort()).toEqual(
      [
        'alta-verapaz-fill',
        'militarised-policing-fill',
        'transit-flows-displacement',
        'transit-flows-route',
      ].sort(),
    );
  });

  it('names the moving highlight and the arrowheads of each flows layer, and nothing else', () => {
    expect(pulseLayerIds()).toEqual(['transit-flows-pulse']);
    expect(style.layers.map((l) => l.id)).toContain('transit-flows-pulse');
    expect(arrowColour('transit-flows-arrow-route')).toBe(theme.transitFlow);
    expect(arrowColour('transit-flows-arrow-displacement')).toBe(theme.displacement);
    expect(arrowColour('__proto__')).toBeUndefined();
    expect(arrowColour('transit-flows-arrow-toString')).toBeUndefined();
  });

  it('credits Natural Earth on every basemap source and the report on every mission source', () => {
    for (const [id, source] of Object.entries(style.sources)) {
      const attribution = 'attribution' in source ? source.attribution : undefined;
      const basemap = [COUNTRIES_SOURCE, DEPARTMENTS_SOURCE, LABELS_SOURCE].includes(id);
      const expected = basemap ? 'Natural Earth' : 'BBC News, 15 January 2012';
      expect(attribution).toContain(expected);
    }
  });
});
