import { toKML } from '@placemarkio/tokml';
import type { Feature, GeoJsonProperties } from 'geojson';
import { popupModel } from '../data/popup.ts';
import { featureInterval } from '../data/time.ts';
import type { ReportLayer } from '../layers/registry.ts';
import { areaColour, channels } from '../theme.ts';
import { FLOW } from './drawn.ts';
import { escapeXml, xml } from './xml.ts';

/** KML's colour: alpha, blue, green, red, in hex. */
export function kmlColour(hex: string, opacity = 1): string {
  const [r, g, b] = channels(hex).map((c) => c.toString(16).padStart(2, '0'));
  const a = Math.round(opacity * 255)
    .toString(16)
    .padStart(2, '0');
  return `${a}${b}${g}${r}`;
}

/** The `<Style>`s of a layer and which one a feature takes: Google Earth has no dashes or arrows. */
function layerStyles(layer: ReportLayer): { styles: string[]; styleOf: (p: GeoJsonProperties) => string } {
  const label = (colour: string) => xml('LabelStyle', {}, xml('color', {}, kmlColour(colour)));
  const style = (id: string, ...children: ReturnType<typeof xml>[]) => xml('Style', { id }, ...children).xml;
  const look = layer.look;
  if (look.kind === 'flows') {
    const line = (id: string, colour: string, width: number) =>
      style(
        id,
        label(colour),
        xml('LineStyle', {}, xml('color', {}, kmlColour(colour)), xml('width', {}, String(width))),
      );
    return {
      styles: [
        line('route', look.route, FLOW.routeWidth),
        line('displacement', look.displacement, FLOW.displacementWidth),
      ],
      styleOf: (p) => (p?.flow_type === 'displacement' ? '#displacement' : '#route'),
    };
  }
  const area = style(
    layer.id,
    label(look.outline),
    xml(
      'LineStyle',
      {},
      xml('color', {}, kmlColour(look.outline)),
      xml('width', {}, String(look.outlineWidth)),
    ),
    // Opaque, as the map draws it: Google Earth's imagery would otherwise change the colour.
    xml('PolyStyle', {}, xml('color', {}, kmlColour(areaColour(look)))),
  );
  return { styles: [area], styleOf: () => `#${layer.id}` };
}

/** What a placemark's balloon says: the popup's words, as HTML built from escaped text only. */
export function placemarkHtml(properties: GeoJsonProperties, layer: ReportLayer): string {
  const model = popupModel(properties, layer);
  // Text in HTML: only & < > need escaping, and quotes stay as the report printed them.
  const e = (text: string) =>
    escapeXml(text)
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  const parts = [`<h3>${e(model.title)}</h3>`, `<p><i>${e(model.layerName)}</i></p>`];
  if (model.schematicNote) parts.push(`<p><b>${e(model.schematicNote)}</b></p>`);
  if (model.reportDate) parts.push(`<p>In the report: “${e(model.reportDate)}”</p>`);
  for (const date of model.dates)
    parts.push(
      `<p><b>${e(date.label)}:</b> ${e(date.text)}<br/><small>Source: ${e(date.source)}</small></p>`,
    );
  // An undated feature says so, and why, where a dated one gives its dates.
  if (!featureInterval(properties) && typeof properties?.date_start_source === 'string')
    parts.push(`<p><b>Date:</b> ${e(properties.date_start_source)}</p>`);
  for (const quote of model.quotes) parts.push(`<blockquote>${e(quote)}</blockquote>`);
  const credit = model.attributedTo ? `${e(model.attributedTo)}. ` : '';
  parts.push(`<p>${credit}Source: ${e(model.source)}.</p>`);
  return parts.join('\n');
}

/**
 * tokml escapes `<` and `&` in text but not `>`, so a value holding `]]>` would end the document's
 * well-formedness; outside the CDATA balloons (whose HTML escapes `>`), write it as `]]&gt;`.
 */
export const wellFormed = (kml: string): string =>
  kml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replaceAll(']]>', ']]&gt;')))
    .join('');

/**
 * One layer as KML 2.2 for Google Earth, written by Placemark's tokml: a placemark a feature, named by
 * its `name`, its popup's words as the description, every other column as ExtendedData (null columns
 * left out: KML has no null), then the layer's styles added, since tokml writes none.
 */
export function layerKml(layer: ReportLayer, features: readonly Feature[]): string {
  const { styles, styleOf } = layerStyles(layer);
  const placemarks: Feature[] = features.map((f) => ({
    ...f,
    properties: {
      // The id as a column too: KML keeps Placemark@id, which QGIS and Google Earth do not show.
      id: f.id,
      ...Object.fromEntries(Object.entries(f.properties ?? {}).filter(([, v]) => v !== null)),
      description: { '@type': 'html', value: placemarkHtml(f.properties, layer) },
    },
  }));
  let text = wellFormed(toKML({ type: 'FeatureCollection', features: placemarks }));
  // tokml writes every placemark with an ExtendedData; its styleUrl goes just before it (KML's order).
  let i = 0;
  text = text.replace(/<ExtendedData>/g, () => {
    const url = styleOf(features[i++]?.properties ?? null);
    return `<styleUrl>${url}</styleUrl><ExtendedData>`;
  });
  if (i !== features.length)
    throw new Error(`tokml wrote ${i} placemarks with data for ${features.length} features`);
  // Long segments drawn along the ground, not as chords under it (Google Earth's tessellate).
  text = text.replace(/<(LineString|Polygon)>/g, '<$1><tessellate>1</tessellate>');
  const head = [xml('name', {}, layer.name).xml, xml('description', {}, layer.description).xml, ...styles];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text.replace('<Document>', `<Document>\n${head.join('\n')}`)}\n`;
}
