import { parseXml, XmlElement } from '@rgrove/parse-xml';
import { describe, expect, it } from 'vitest';
import { displacementDashPx } from '../../src/formats/drawn.ts';
import { layerSld, OGC_NS, SE_NS, SLD_NS } from '../../src/formats/sld.ts';
import { ALTA_VERAPAZ, MILITARISED_POLICING, reportLayer, TRANSIT_FLOWS } from '../../src/layers/registry.ts';
import { areaColour, theme } from '../../src/theme.ts';

/**
 * No SLD 1.1 schema ships in a package this project can use, so these tests check the structure the
 * schema asks for: namespaces, and each element's children in the order SE 1.1 sets.
 */
const parse = (text: string): XmlElement => {
  const root = parseXml(text).root;
  if (!root) throw new Error('no root element');
  return root;
};

const kids = (e: XmlElement): XmlElement[] =>
  e.children.filter((c): c is XmlElement => c instanceof XmlElement);

function elements(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    for (const c of kids(e)) walk(c);
  };
  walk(root);
  return out;
}

const params = (e: XmlElement | undefined): Record<string, string> =>
  Object.fromEntries(
    (e ? kids(e) : []).filter((p) => p.name === 'se:SvgParameter').map((p) => [p.attributes.name, p.text]),
  );

/** The SE 1.1 schema's sequences for the elements written, each child's place in its parent. */
const SEQUENCES: Record<string, string[]> = {
  StyledLayerDescriptor: ['se:Name', 'se:Description', 'NamedLayer'],
  NamedLayer: ['se:Name', 'se:Description', 'UserStyle'],
  UserStyle: ['se:Name', 'se:Description', 'se:FeatureTypeStyle'],
  'se:FeatureTypeStyle': ['se:Name', 'se:Description', 'se:Rule'],
  'se:Rule': [
    'se:Name',
    'se:Description',
    'ogc:Filter',
    'se:LineSymbolizer|se:PolygonSymbolizer|se:TextSymbolizer',
  ],
  'se:LineSymbolizer': ['se:Stroke'],
  'se:PolygonSymbolizer': ['se:Fill', 'se:Stroke'],
  'se:TextSymbolizer': ['se:Label', 'se:Font', 'se:LabelPlacement', 'se:Halo', 'se:Fill'],
  'se:Graphic': ['se:Mark', 'se:Size', 'se:Rotation'],
  'se:Mark': ['se:WellKnownName', 'se:Fill', 'se:Stroke'],
  'se:GraphicStroke': ['se:Graphic', 'se:InitialGap', 'se:Gap'],
  'se:Stroke': ['se:GraphicStroke', 'se:SvgParameter'],
};

/** Children out of the schema's order, or not allowed there, as "parent > child" lines. */
function outOfOrder(root: XmlElement): string[] {
  const wrong: string[] = [];
  const walk = (e: XmlElement) => {
    const sequence = SEQUENCES[e.name];
    if (sequence) {
      let at = 0;
      for (const c of kids(e)) {
        const place = sequence.findIndex((names) => names.split('|').includes(c.name));
        if (place < at) wrong.push(`${e.name} > ${c.name}`);
        else at = place;
      }
    }
    for (const c of kids(e)) walk(c);
  };
  walk(root);
  return wrong;
}

describe('SLD 1.1 styles', () => {
  const flows = parse(layerSld(reportLayer(TRANSIT_FLOWS)));
  const areas = [ALTA_VERAPAZ, MILITARISED_POLICING] as const;

  it('are StyledLayerDescriptors 1.1.0 in the SLD, SE and OGC namespaces, named after the layer', () => {
    for (const id of [TRANSIT_FLOWS, ...areas] as const) {
      const root = parse(layerSld(reportLayer(id)));
      expect(root.name).toBe('StyledLayerDescriptor');
      expect(root.attributes).toMatchObject({
        version: '1.1.0',
        xmlns: SLD_NS,
        'xmlns:se': SE_NS,
        'xmlns:ogc': OGC_NS,
      });
      expect(elements(root, 'NamedLayer')[0]?.children.find((c) => c instanceof XmlElement)).toMatchObject({
        name: 'se:Name',
      });
      expect(elements(root, 'se:Name')[0]?.text).toBe(id);
      expect(outOfOrder(root)).toEqual([]);
    }
  });

  it('have a rule for each flow_type, filtered on it, the displacement dashed', () => {
    const rules = elements(flows, 'se:Rule');
    const filters = rules.map((r) => {
      const equal = elements(r, 'ogc:PropertyIsEqualTo')[0];
      return [
        elements(equal as XmlElement, 'ogc:PropertyName')[0]?.text,
        elements(r, 'ogc:Literal')[0]?.text,
      ];
    });
    expect(filters).toEqual([
      ['flow_type', 'route'],
      ['flow_type', 'displacement'],
    ]);
    // Each rule: the white casing, the line in its colour, the arrowheads.
    const strokes = rules.map((r) => elements(r, 'se:LineSymbolizer').map((s) => params(kids(s)[0])));
    expect(strokes.map((s) => s[1]?.stroke)).toEqual([theme.transitFlow, theme.displacement]);
    expect(strokes.map((s) => s[0]?.stroke)).toEqual([theme.labelHalo, theme.labelHalo]);
    expect(strokes[0]?.[1]?.['stroke-dasharray']).toBeUndefined();
    expect(strokes[1]?.[1]?.['stroke-dasharray']).toBe(displacementDashPx().join(' '));
    const marks = elements(flows, 'se:Mark').map((m) => params(elements(m, 'se:Fill')[0]).fill);
    expect(marks).toEqual([theme.transitFlow, theme.displacement]);
  });

  it('fill each area opaque in the colour the web map draws, with its outline', () => {
    for (const id of areas) {
      const { look } = reportLayer(id);
      if (look.kind !== 'area') throw new Error(`${id} is not an area`);
      const polygon = elements(parse(layerSld(reportLayer(id))), 'se:PolygonSymbolizer')[0] as XmlElement;
      expect(params(elements(polygon, 'se:Fill')[0])).toEqual({ fill: areaColour(look) });
      expect(params(elements(polygon, 'se:Stroke')[0])).toMatchObject({
        stroke: look.outline,
        'stroke-width': String(look.outlineWidth),
      });
    }
  });

  it('label from the label column, with a white halo, bold for the focus', () => {
    const label = (root: XmlElement) => {
      const text = elements(root, 'se:TextSymbolizer')[0] as XmlElement;
      return {
        field: elements(elements(text, 'se:Label')[0] as XmlElement, 'ogc:PropertyName')[0]?.text,
        colour: params(kids(text).find((c) => c.name === 'se:Fill')).fill,
        halo: params(elements(elements(text, 'se:Halo')[0] as XmlElement, 'se:Fill')[0]).fill,
        weight: params(elements(text, 'se:Font')[0])['font-weight'],
      };
    };
    expect(label(flows)).toEqual({
      field: 'label',
      colour: theme.transitFlowText,
      halo: theme.labelHalo,
      weight: 'bold',
    });
    expect(elements(flows, 'se:LinePlacement')).toHaveLength(2);
    expect(label(parse(layerSld(reportLayer(ALTA_VERAPAZ))))).toMatchObject({
      colour: theme.altaVerapazOutline,
      weight: 'bold',
    });
    expect(label(parse(layerSld(reportLayer(MILITARISED_POLICING))))).toMatchObject({
      colour: theme.militarisedOutline,
      weight: 'normal',
    });
  });
});
