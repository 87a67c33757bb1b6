import { isLanguage, type Language } from '../i18n/index.ts';
import { isReportLayerId, type ReportLayerId } from '../layers/registry.ts';
import { calendarDate } from '../pipeline/date-range.ts';
import { TIMELINE } from './time.ts';

/**
 * The permalink: MapLibre's own `#zoom/lat/lng[/bearing[/pitch]]`, then `&layers=a,b` (the visible
 * report layers; absent means all), `&feature=ID` (the open popup), `&date=YYYY-MM-DD` (the
 * timeline's day; absent means the report's date) and `&lang=es` (the interface's language). Links come from anywhere, so
 * parsing is a whitelist: each part either parses completely into a value in range or is ignored,
 * and nothing in a hash is ever used as markup, a selector or a property name.
 */
export interface View {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

export interface HashState {
  view?: View;
  layers?: ReportLayerId[];
  feature?: string;
  date?: string;
  /** The interface's language; absent means the reader's browser chooses. */
  lang?: Language;
}

export const LIMITS = {
  minZoom: 1.5,
  maxZoom: 12,
  /** Web Mercator's edge (MapLibre clamps to it too). */
  maxLat: 85.051129,
  maxPitch: 60,
} as const;

/** Longer hashes are not links this app made; ignore them whole rather than scan them. */
export const MAX_HASH_LENGTH = 512;
const NUMBER = /^[+-]?(?:\d{1,15}(?:\.\d{0,15})?|\.\d{1,15})$/;
const FEATURE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A real calendar day, written in full, on the timeline (a link's other days are ignored). */
function isTimelineDay(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    calendarDate(text) !== undefined &&
    text >= TIMELINE.first &&
    text <= TIMELINE.report
  );
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined || !NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Into (-180, 180], as MapLibre reports a bearing. */
function normaliseBearing(bearing: number): number {
  const turned = (((bearing % 360) + 360) % 360) + 0;
  return turned > 180 ? turned - 360 : turned;
}

function parseView(text: string): View | undefined {
  const parts = text.split('/');
  if (parts.length < 3 || parts.length > 5) return undefined;
  const [zoom, lat, lng] = parts.slice(0, 3).map(parseNumber);
  if (zoom === undefined || lat === undefined || lng === undefined) return undefined;
  const bearing = parseNumber(parts[3]) ?? 0;
  const pitch = parseNumber(parts[4]) ?? 0;
  return {
    zoom: clamp(zoom, LIMITS.minZoom, LIMITS.maxZoom),
    lat: clamp(lat, -LIMITS.maxLat, LIMITS.maxLat),
    lng: clamp(lng, -180, 180),
    bearing: normaliseBearing(bearing),
    pitch: clamp(pitch, 0, LIMITS.maxPitch),
  };
}

function parseLayers(text: string): ReportLayerId[] {
  const ids = text.split(',').filter(isReportLayerId);
  return [...new Set(ids)];
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function parseHash(hash: string): HashState {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.length === 0 || raw.length > MAX_HASH_LENGTH) return {};
  const state: HashState = {};
  for (const [index, segment] of raw.split('&').entries()) {
    const part = safeDecode(segment);
    if (part === undefined) continue;
    if (index === 0 && !part.includes('=')) {
      const view = parseView(part);
      if (view) state.view = view;
      continue;
    }
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (key === 'layers') {
      // `layers=` shows none; a list with no known id is garbage, so the default (all) stands.
      const layers = parseLayers(value);
      if (value === '' || layers.length > 0) state.layers = layers;
    } else if (key === 'feature' && FEATURE_ID.test(value)) state.feature = value;
    else if (key === 'date' && isTimelineDay(value)) state.date = value;
    else if (key === 'lang' && isLanguage(value)) state.lang = value;
  }
  return state;
}

const fixed = (value: number, digits: number): string => String(Number(value.toFixed(digits)));

export function formatHash(state: HashState): string {
  const parts: string[] = [];
  if (state.view) {
    const { zoom, lat, lng, bearing, pitch } = state.view;
    const view = [fixed(zoom, 2), fixed(lat, 4), fixed(lng, 4)];
    if (bearing !== 0 || pitch !== 0) view.push(fixed(bearing, 1));
    if (pitch !== 0) view.push(fixed(pitch, 0));
    parts.push(view.join('/'));
  }
  if (state.layers) parts.push(`layers=${state.layers.join(',')}`);
  if (state.feature) parts.push(`feature=${encodeURIComponent(state.feature)}`);
  if (state.date) parts.push(`date=${state.date}`);
  if (state.lang) parts.push(`lang=${state.lang}`);
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}
