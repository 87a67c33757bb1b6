import { describe, expect, it } from 'vitest';
import { formatHash, LIMITS, parseHash } from '../../src/data/hash.ts';
import { TIMELINE } from '../../src/data/time.ts';
import { isReportLayerId } from '../../src/layers/registry.ts';

/** mulberry32: a small seeded generator, so a failing input can be reproduced from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '1e-400',
  '-0',
  '0x1F',
  '９',
  '1,5',
  '１',
  '99999999999999999999',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '%',
  '%%',
  '%E0%A4%A',
  '%00',
  '%0A',
  '%3Cscript%3E',
  '&',
  '=',
  '==',
  '/',
  '//',
  '#',
  '?',
  'layers=',
  'feature=',
  'layers=__proto__',
  'feature=__proto__',
  'layers=alta-verapaz',
  'feature=GT-AV',
  'date=',
  'date=2010-12-19',
  'date=2011-02-29',
  'date=2012-01-16',
  'date=2006-10-31',
  'date=2010-12',
  'date=2010-12-19T00:00',
  'date=+002010-12-19',
  'date=2010-1-9',
  'date=9999-99-99',
  'transit-flows',
  'militarised-policing',
  '\u202e',
  '\ud800',
  '😀',
  ' ',
  '\t',
  '\n',
  '..',
  '5',
  '15.5',
  '-90.3',
  '180',
  '-180',
  '91',
  '1000',
  '.5',
  '5.',
  '+5',
  '--5',
];

function hostileHash(next: () => number): string {
  const pick = () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] ?? '';
  const separators = ['/', '&', '=', ',', ''];
  let hash = '#';
  const parts = 1 + Math.floor(next() * 12);
  for (let i = 0; i < parts; i++) hash += pick() + (separators[Math.floor(next() * separators.length)] ?? '');
  if (next() < 0.05) hash += 'x'.repeat(12_000);
  return hash;
}

const ALLOWED_KEYS = new Set(['view', 'layers', 'feature', 'date']);

describe('parseHash against hostile links', () => {
  const SEEDS = 1500;
  it(`parses ${SEEDS} generated hostile hashes into only valid, in-range, whitelisted state`, () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const hash = hostileHash(random(seed));
      const where = `seed ${seed}: ${JSON.stringify(hash.slice(0, 120))}`;
      const state = parseHash(hash);
      expect(Object.getPrototypeOf(state), where).toBe(Object.prototype);
      for (const key of Object.keys(state)) expect(ALLOWED_KEYS.has(key), where).toBe(true);
      if (state.view) {
        const { zoom, lat, lng, bearing, pitch } = state.view;
        for (const n of [zoom, lat, lng, bearing, pitch]) expect(Number.isFinite(n), where).toBe(true);
        expect(zoom >= LIMITS.minZoom && zoom <= LIMITS.maxZoom, where).toBe(true);
        expect(Math.abs(lat) <= LIMITS.maxLat && Math.abs(lng) <= 180, where).toBe(true);
        expect(bearing > -180 && bearing <= 180 && pitch >= 0 && pitch <= LIMITS.maxPitch, where).toBe(true);
      }
      for (const id of state.layers ?? []) expect(isReportLayerId(id), where).toBe(true);
      if (state.feature !== undefined) expect(state.feature, where).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      if (state.date !== undefined) {
        expect(state.date, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(state.date >= TIMELINE.first && state.date <= TIMELINE.report, where).toBe(true);
      }
      // What the app writes back is itself a valid link that reads the same.
      expect(parseHash(formatHash(state)).layers, where).toEqual(state.layers);
    }
  });

  it('handles the named cases', () => {
    expect(parseHash('#NaN/NaN/NaN')).toEqual({});
    expect(parseHash('#Infinity/-Infinity/1')).toEqual({});
    expect(parseHash(`#${'9'.repeat(400)}/1/1`)).toEqual({});
    expect(parseHash(`#5/15/-90&${'a'.repeat(12_000)}`)).toEqual({});
    expect(parseHash('#%%%/%/%')).toEqual({});
    expect(parseHash('#<img src=x onerror=alert(1)>')).toEqual({});
    expect(parseHash('#5/15/-90&layers=<script>alert(1)</script>').layers).toBeUndefined();
    expect(parseHash('#__proto__=1&constructor=2&layers=__proto__&feature=__proto__')).toEqual({
      feature: '__proto__',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A date must be a real day of the timeline, written in full.
    for (const date of [
      '2011-02-29',
      '2012-01-16',
      '2006-10-31',
      '2010-12',
      '2010-12-19T00:00',
      '+002010-12-19',
      '2010-1-9',
      '<b>',
    ])
      expect(parseHash(`#5/15/-90&date=${date}`).date, date).toBeUndefined();
    expect(parseHash('#5/15/-90&date=2012-02-29').date).toBeUndefined();
    expect(parseHash('#5/15/-90&date=2008-02-29').date).toBe('2008-02-29');
    expect(parseHash(`#5/15/-90&date=${TIMELINE.first}`).date).toBe(TIMELINE.first);
  });
});
