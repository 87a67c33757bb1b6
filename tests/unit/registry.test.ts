import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COMMON_PROPERTIES,
  isMissionLayerId,
  MISSION_LAYERS,
  missionLayer,
  requiredProperties,
} from '../../src/layers/registry.ts';

describe('the layer registry', () => {
  it('lists the three mission layers under their contract ids and names', () => {
    expect(MISSION_LAYERS.map((l) => [l.id, l.name])).toEqual([
      ['transit-flows', 'Transit flows'],
      ['alta-verapaz', 'Alta Verapaz'],
      ['militarised-policing', 'Militarised policing'],
    ]);
  });

  it('gives every layer a one-line description, colours and its data file', () => {
    for (const layer of MISSION_LAYERS) {
      expect(layer.description.length).toBeGreaterThan(10);
      expect(layer.description).not.toContain('\n');
      const colours = Object.values(layer.look).filter((v) => typeof v === 'string' && v.startsWith('#'));
      expect(colours.length).toBeGreaterThanOrEqual(2);
      for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(existsSync(new URL(`../../geodata/layers/${layer.id}.geojson`, import.meta.url))).toBe(true);
      expect(existsSync(new URL(`../../geodata/sources/${layer.id}.json`, import.meta.url))).toBe(true);
    }
  });

  it('requires the common evidence properties of every layer', () => {
    for (const layer of MISSION_LAYERS)
      expect(requiredProperties(layer)).toEqual(expect.arrayContaining([...COMMON_PROPERTIES]));
  });

  it('recognises only its own ids', () => {
    expect(isMissionLayerId('alta-verapaz')).toBe(true);
    expect(isMissionLayerId('__proto__')).toBe(false);
    expect(isMissionLayerId('toString')).toBe(false);
    expect(() => missionLayer('nope' as never)).toThrow('Unknown mission layer: nope');
  });
});
