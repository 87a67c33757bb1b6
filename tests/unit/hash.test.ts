import { describe, expect, it } from 'vitest';
import { formatHash, type HashState, LIMITS, MAX_HASH_LENGTH, parseHash } from '../../src/data/hash.ts';

describe('parseHash', () => {
  it("reads MapLibre's #zoom/lat/lng, with optional bearing and pitch", () => {
    expect(parseHash('#5.2/15.5/-90.3')).toEqual({
      view: { zoom: 5.2, lat: 15.5, lng: -90.3, bearing: 0, pitch: 0 },
    });
    expect(parseHash('#5/15/-90/30/45').view).toEqual({ zoom: 5, lat: 15, lng: -90, bearing: 30, pitch: 45 });
  });

  it('reads the visible layers and the open feature', () => {
    expect(parseHash('#4/10/-80&layers=transit-flows,alta-verapaz&feature=GT-AV')).toEqual({
      view: { zoom: 4, lat: 10, lng: -80, bearing: 0, pitch: 0 },
      layers: ['transit-flows', 'alta-verapaz'],
      feature: 'GT-AV',
    });
    expect(parseHash('#layers=')).toEqual({ layers: [] });
    expect(parseHash('#layers=nope,__proto__')).toEqual({});
  });

  it('ignores each part that does not parse and keeps the rest', () => {
    expect(parseHash('#abc/15/-90&layers=alta-verapaz')).toEqual({ layers: ['alta-verapaz'] });
    expect(parseHash('#5/15/-90&feature=<script>')).toEqual({
      view: { zoom: 5, lat: 15, lng: -90, bearing: 0, pitch: 0 },
    });
    expect(parseHash('#5/15/-90&layers=nope,__proto__,alta-verapaz,alta-verapaz')).toEqual({
      view: { zoom: 5, lat: 15, lng: -90, bearing: 0, pitch: 0 },
      layers: ['alta-verapaz'],
    });
    expect(parseHash('#5/15')).toEqual({});
    expect(parseHash('#5/15/-90/x').view).toEqual({ zoom: 5, lat: 15, lng: -90, bearing: 0, pitch: 0 });
  });

  it('clamps zoom, latitude, longitude and pitch into range and normalises bearing', () => {
    expect(parseHash('#99/91/-200/540/89').view).toEqual({
      zoom: LIMITS.maxZoom,
      lat: LIMITS.maxLat,
      lng: -180,
      bearing: 180,
      pitch: LIMITS.maxPitch,
    });
    expect(parseHash('#-3/-100/400/-90/-5').view).toEqual({
      zoom: LIMITS.minZoom,
      lat: -LIMITS.maxLat,
      lng: 180,
      bearing: -90,
      pitch: 0,
    });
  });

  it('rejects NaN, Infinity, exponents and other number spellings', () => {
    for (const bad of [
      '#NaN/1/1',
      '#Infinity/1/1',
      '#1e3/1/1',
      '#0x10/1/1',
      '#1/ 2/3',
      '#1/2/3e999',
      '#--1/2/3',
    ]) {
      expect(parseHash(bad).view, bad).toBeUndefined();
    }
  });

  it('ignores a hash longer than any link this app writes', () => {
    expect(parseHash(`#5/15/-90&feature=${'a'.repeat(MAX_HASH_LENGTH)}`)).toEqual({});
  });

  it('survives malformed percent-encoding', () => {
    expect(parseHash('#5/15/-90&feature=%E0%A4%A&layers=alta-verapaz')).toEqual({
      view: { zoom: 5, lat: 15, lng: -90, bearing: 0, pitch: 0 },
      layers: ['alta-verapaz'],
    });
  });
});

describe('formatHash', () => {
  it('writes what parseHash reads back', () => {
    const state: HashState = {
      view: { zoom: 6.25, lat: 15.4711, lng: -90.3712, bearing: 12.5, pitch: 30 },
      layers: ['militarised-policing'],
      feature: 'route-1-col-gtm',
      date: '2010-12-19',
    };
    expect(formatHash(state)).toBe(
      '#6.25/15.4711/-90.3712/12.5/30&layers=militarised-policing&feature=route-1-col-gtm&date=2010-12-19',
    );
    expect(parseHash(formatHash(state))).toEqual(state);
  });

  it('leaves out bearing and pitch when both are zero, and everything when there is nothing', () => {
    expect(formatHash({ view: { zoom: 4, lat: 15, lng: -90, bearing: 0, pitch: 0 } })).toBe('#4/15/-90');
    expect(formatHash({})).toBe('');
  });
});
