import type { Feature } from 'geojson';
import { escapeXml } from '../formats/xml.ts';

/** Writing the SVG picture's markup: every attribute and text escaped, numbers kept short. */

export type Attributes = Record<string, string | number | undefined>;

/** A number as the picture writes it: at most two decimals. */
export const num = (value: number): string => String(Math.round(value * 100) / 100);

export function element(name: string, attributes: Attributes = {}, content = ''): string {
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    out += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return content === '' ? `${out}/>` : `${out}>${content}</${name}>`;
}

export const group = (attributes: Attributes, children: string[]): string =>
  element('g', attributes, children.join('\n'));

/** An id for a feature's shape: the layer, then the feature's id with anything outside [A-Za-z0-9_-] replaced. */
export function idMaker(): (layer: string, feature: unknown, part?: string) => string {
  const used = new Set<string>();
  return (layer, feature, part) => {
    const base = `${layer}__${String(feature).replace(/[^A-Za-z0-9_-]/g, '_')}${part ? `__${part}` : ''}`;
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}_${n}`;
    used.add(id);
    return id;
  };
}

export const titleOf = (feature: Feature): string => {
  const name = feature.properties?.name;
  return typeof name === 'string' ? element('title', {}, escapeXml(name)) : '';
};
