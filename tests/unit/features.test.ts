import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readMissionLayers } from '../../scripts/io.ts';
import { indexFeatures, missionSourceData } from '../../src/data/features.ts';
import { MISSION_LAYERS, type MissionData } from '../../src/layers/registry.ts';

describe("the map's one mission source", () => {
  const data = readMissionLayers();
  const source = missionSourceData(data, indexFeatures(data));

  it('holds every feature of every layer, tagged with its layer and carrying its id, then one label point per polygon', () => {
    const drawn = source.features.filter((f) => f.geometry?.type !== 'Point');
    const expected = MISSION_LAYERS.flatMap(({ id }) =>
      data[id].features.map((f) => ({ id: String(f.id), layer: id })),
    );
    expect(drawn.map((f) => ({ id: f.properties?.id, layer: f.properties?.layer }))).toEqual(expected);
    const polygons = drawn.filter((f) => /Polygon/.test(f.geometry?.type ?? ''));
    const points = source.features.filter((f) => f.geometry?.type === 'Point');
    expect(points.map((f) => f.properties?.id)).toEqual(polygons.map((f) => f.properties?.id));
  });

  it('tags a feature with the file it came from, whatever its own `layer` says, and leaves the data as it was', () => {
    const first = MISSION_LAYERS[0] as (typeof MISSION_LAYERS)[number];
    const lying = structuredClone(data) as MissionData;
    const feature = (lying[first.id] as FeatureCollection).features[0];
    if (!feature?.properties) throw new Error('the first layer has no features');
    feature.properties.layer = 'something-else';
    const before = JSON.stringify(lying);
    const tagged = missionSourceData(lying, indexFeatures(lying)).features.find(
      (f) => f.properties?.id === String(feature.id),
    );
    expect(tagged?.properties?.layer).toBe(first.id);
    expect(JSON.stringify(lying)).toBe(before);
  });
});
