import { parseXml, XmlElement } from '@rgrove/parse-xml';
import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { displacementDashPx, FLOW } from '../../src/formats/drawn.ts';
import { layerQml } from '../../src/formats/qml.ts';
import { ALTA_VERAPAZ, MILITARISED_POLICING, reportLayer, TRANSIT_FLOWS } from '../../src/layers/registry.ts';
import { reportLayers } from '../../src/style/report-layers.ts';
import { areaColour, channels, theme } from '../../src/theme.ts';

/** The root element; @rgrove/parse-xml throws on anything that is not well-formed XML. */
const parse = (text: string): XmlElement => {
  const root = parseXml(text).root;
  if (!root) throw new Error('no root element');
  return root;
};

function elements(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    for (const child of e.children) if (child instanceof XmlElement) walk(child);
  };
  walk(root);
  return out;
}

const child = (e: XmlElement | undefined, name: string): XmlElement | undefined =>
  e?.children.find((c): c is XmlElement => c instanceof XmlElement && c.name === name);

/** A symbol layer's `<prop k v>` values. */
const props = (layer: XmlElement): Record<string, string> =>
  Object.fromEntries(elements(layer, 'prop').map((p) => [p.attributes.k, p.attributes.v]));

/** Its own props only, not those of a marker symbol inside it. */
const ownProps = (layer: XmlElement): Record<string, string> =>
  Object.fromEntries(
    layer.children
      .filter((c): c is XmlElement => c instanceof XmlElement && c.name === 'prop')
      .map((p) => [p.attributes.k, p.attributes.v]),
  );

const rgba = (hex: string, alpha = 255) => `${channels(hex).join(',')},${alpha}`;

describe('QGIS styles (QML)', () => {
  const flows = parse(layerQml(reportLayer(TRANSIT_FLOWS)));

  it('are QGIS documents with labels on', () => {
    expect(flows.name).toBe('qgis');
    expect(flows.attributes.labelsEnabled).toBe('1');
    expect(layerQml(reportLayer(TRANSIT_FLOWS))).toMatch(/^<\?xml[^\n]*\n<!DOCTYPE qgis /);
  });

  it('draw the flows by flow_type: the route solid, the displacement dashed, in their colours', () => {
    const renderer = child(flows, 'renderer-v2');
    expect(renderer?.attributes).toMatchObject({ type: 'categorizedSymbol', attr: 'flow_type' });
    const categories = elements(flows, 'category').map((c) => [c.attributes.value, c.attributes.symbol]);
    expect(categories).toEqual([
      ['route', '0'],
      ['displacement', '1'],
    ]);
    const symbols = elements(flows, 'symbol').filter((s) => s.attributes.type === 'line');
    const line = (name: string) => {
      const layers = (symbols.find((s) => s.attributes.name === name)?.children ?? []).filter(
        (c): c is XmlElement => c instanceof XmlElement,
      );
      return { classes: layers.map((l) => l.attributes.class), stroke: ownProps(layers[1] as XmlElement) };
    };
    const route = line('0');
    const displacement = line('1');
    expect(route.classes).toEqual(['SimpleLine', 'SimpleLine', 'MarkerLine']);
    expect(route.stroke).toMatchObject({ line_color: rgba(theme.transitFlow), line_width: '4' });
    expect(route.stroke.use_custom_dash).toBeUndefined();
    expect(displacement.stroke).toMatchObject({
      line_color: rgba(theme.displacement),
      use_custom_dash: '1',
      customdash: displacementDashPx().join(';'),
    });
  });

  it('point arrowheads along each flow, in its colour', () => {
    const markerLines = elements(flows, 'layer').filter((l) => l.attributes.class === 'MarkerLine');
    expect(markerLines.map((l) => ownProps(l).rotate)).toEqual(['1', '1']);
    expect(markerLines.map((l) => props(l).name)).toEqual(['filled_arrowhead', 'filled_arrowhead']);
    expect(markerLines.map((l) => props(l).color)).toEqual([
      rgba(theme.transitFlow),
      rgba(theme.displacement),
    ]);
  });

  it('fill each area opaque in the colour the web map draws, with its outline', () => {
    for (const id of [ALTA_VERAPAZ, MILITARISED_POLICING] as const) {
      const { look } = reportLayer(id);
      if (look.kind !== 'area') throw new Error(`${id} is not an area`);
      const root = parse(layerQml(reportLayer(id)));
      expect(child(root, 'renderer-v2')?.attributes.type).toBe('singleSymbol');
      const fill = elements(root, 'layer').find((l) => l.attributes.class === 'SimpleFill');
      expect(props(fill as XmlElement)).toMatchObject({
        color: rgba(areaColour(look)),
        outline_color: rgba(look.outline),
        outline_width: String(look.outlineWidth),
        outline_width_unit: 'Pixel',
      });
    }
  });

  it('label from the label column with a white halo; bold for the focus; along the flows', () => {
    const text = (root: XmlElement) => elements(root, 'text-style')[0];
    const flowText = text(flows);
    expect(flowText?.attributes).toMatchObject({
      fieldName: 'label',
      textColor: rgba(theme.transitFlowText),
    });
    expect(elements(flows, 'text-buffer')[0]?.attributes).toMatchObject({
      bufferDraw: '1',
      bufferColor: rgba(theme.labelHalo),
    });
    // Curved along the line.
    expect(elements(flows, 'placement')[0]?.attributes.placement).toBe('3');
    expect(
      elements(flows, 'Option').some((o) => o.attributes.value?.includes(rgba(theme.displacement))),
    ).toBe(true);
    const alta = parse(layerQml(reportLayer(ALTA_VERAPAZ)));
    const militarised = parse(layerQml(reportLayer(MILITARISED_POLICING)));
    expect(text(alta)?.attributes.fieldName).toContain('"label"');
    expect(text(alta)?.attributes).toMatchObject({
      fontWeight: '75',
      textColor: rgba(theme.altaVerapazOutline),
    });
    expect(text(militarised)?.attributes).toMatchObject({
      fontWeight: '50',
      textColor: rgba(theme.militarisedOutline),
    });
  });

  it('draw the flows as wide as the web map does', () => {
    const paint = (id: string) =>
      (reportLayers().find((l) => l.id === id) as LayerSpecification & { paint: Record<string, unknown> })
        .paint;
    expect(paint(`${TRANSIT_FLOWS}-casing`)['line-width']).toBe(FLOW.casingWidth);
    expect(paint(`${TRANSIT_FLOWS}-route`)['line-width']).toBe(FLOW.routeWidth);
    expect(paint(`${TRANSIT_FLOWS}-displacement`)['line-width']).toBe(FLOW.displacementWidth);
    expect(paint(`${TRANSIT_FLOWS}-displacement`)['line-dasharray']).toEqual(FLOW.displacementDash);
  });
});
