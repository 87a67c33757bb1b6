/**
 * QGIS layer styles (QML) for the report layers: QGIS reads `<name>.qml` beside `<name>.geojson` when
 * it opens the file, so the layer opens looking as it does on the web map. Written for QGIS 3.22 LTR
 * and later, in the elements QGIS 3.22 itself writes; properties left out take QGIS's defaults.
 * Sizes are in QGIS's Pixel unit, as the web map's are in CSS pixels, so both draw alike on screen.
 */
import type { LayerLook, ReportLayer } from '../layers/registry.ts';
import { areaColour, theme } from '../theme.ts';
import {
  areaLabelSize,
  displacementDashPx,
  FLOW,
  type FlowKind,
  FONT_FAMILY,
  flowKinds,
  fontStyle,
  LABEL_HALO_WIDTH,
  qgisColour,
} from './drawn.ts';
import { type XmlNode, xml, xmlDocument } from './xml.ts';

const DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>";
const PX = 'Pixel';

const props = (values: Record<string, string | number>): XmlNode[] =>
  Object.entries(values).map(([k, v]) => xml('prop', { k, v }));

/** A symbol layer: `class` is QGIS's symbol layer type (SimpleLine, MarkerLine, SimpleFill, …). */
const symbolLayer = (cls: string, values: Record<string, string | number>, ...children: XmlNode[]): XmlNode =>
  xml('layer', { class: cls, pass: 0, locked: 0, enabled: 1 }, ...props(values), ...children);

const symbol = (type: 'line' | 'fill' | 'marker', name: string, ...layers: XmlNode[]): XmlNode =>
  xml('symbol', { type, name, alpha: 1, clip_to_extent: 1, force_rhr: 0 }, ...layers);

const line = (colour: string, width: number, opacity = 1, dash?: number[]): XmlNode =>
  symbolLayer('SimpleLine', {
    line_color: qgisColour(colour, opacity),
    line_width: width,
    line_width_unit: PX,
    line_style: 'solid',
    // MapLibre's defaults where the web map sets none: butt caps and miter joins for the dashed line.
    capstyle: dash ? 'flat' : 'round',
    joinstyle: dash ? 'miter' : 'round',
    ...(dash ? { use_custom_dash: 1, customdash: dash.join(';'), customdash_unit: PX } : {}),
  });

/**
 * Arrowheads along the line, turned to its direction: they point from the first vertex to the last,
 * as the web map's chevrons do, with the same spacing and a white halo.
 */
function arrows(kind: FlowKind, name: string): XmlNode {
  const arrowhead = symbolLayer('SimpleMarker', {
    name: 'filled_arrowhead',
    color: qgisColour(kind.colour),
    outline_color: qgisColour(theme.labelHalo),
    outline_style: 'solid',
    outline_width: FLOW.arrowHalo,
    outline_width_unit: PX,
    size: FLOW.arrowSize,
    size_unit: PX,
    angle: 0,
  });
  return symbolLayer(
    'MarkerLine',
    {
      placement: 'interval',
      interval: FLOW.arrowSpacing,
      interval_unit: PX,
      // The web map places its first chevron half a spacing along the line.
      offset_along_line: FLOW.arrowSpacing / 2,
      offset_along_line_unit: PX,
      rotate: 1,
    },
    symbol('marker', `@${name}@2`, arrowhead),
  );
}

function flowSymbol(kind: FlowKind, name: string): XmlNode {
  return symbol(
    'line',
    name,
    line(theme.labelHalo, FLOW.casingWidth, FLOW.casingOpacity),
    line(kind.colour, kind.width, 1, kind.dashed ? displacementDashPx() : undefined),
    arrows(kind, name),
  );
}

function flowRenderer(look: Extract<LayerLook, { kind: 'flows' }>): XmlNode {
  const kinds = flowKinds(look);
  return xml(
    'renderer-v2',
    { type: 'categorizedSymbol', attr: 'flow_type', symbollevels: 0, forceraster: 0, enableorderby: 0 },
    xml(
      'categories',
      {},
      ...kinds.map((k, i) => xml('category', { value: k.value, label: k.legend, symbol: i, render: 'true' })),
    ),
    xml('symbols', {}, ...kinds.map((k, i) => flowSymbol(k, String(i)))),
  );
}

function areaRenderer(look: Extract<LayerLook, { kind: 'area' }>): XmlNode {
  const fill = symbolLayer('SimpleFill', {
    // Opaque, as the web map draws it: the fill over the land in one colour (see areaColour).
    color: qgisColour(areaColour(look)),
    style: 'solid',
    outline_color: qgisColour(look.outline),
    outline_style: 'solid',
    outline_width: look.outlineWidth,
    outline_width_unit: PX,
    joinstyle: 'miter',
  });
  return xml(
    'renderer-v2',
    { type: 'singleSymbol', symbollevels: 0, forceraster: 0, enableorderby: 0 },
    xml('symbols', {}, symbol('fill', '0', fill)),
  );
}

/** A data-defined property of the label settings, as QGIS's property collection writes it. */
function ddProperties(properties: Record<string, string>): XmlNode {
  const option = (attrs: Record<string, string>, ...children: XmlNode[]) => xml('Option', attrs, ...children);
  return xml(
    'dd_properties',
    {},
    option(
      { type: 'Map' },
      option({ type: 'QString', name: 'name', value: '' }),
      option(
        { type: 'Map', name: 'properties' },
        ...Object.entries(properties).map(([name, expression]) =>
          option(
            { type: 'Map', name },
            option({ type: 'bool', name: 'active', value: 'true' }),
            option({ type: 'QString', name: 'expression', value: expression }),
            // 3: an expression-based property.
            option({ type: 'int', name: 'type', value: '3' }),
          ),
        ),
      ),
      option({ type: 'QString', name: 'type', value: 'collection' }),
    ),
  );
}

interface LabelStyle {
  field: string;
  isExpression: boolean;
  colour: string;
  size: number;
  bold: boolean;
  placement: Record<string, string | number>;
  dataDefined?: Record<string, string>;
}

/** QGIS's "simple" labeling: one text style, with a white buffer as the web map's halo. */
function labeling(label: LabelStyle): XmlNode {
  return xml(
    'labeling',
    { type: 'simple' },
    xml(
      'settings',
      { calloutType: 'simple' },
      xml(
        'text-style',
        {
          fieldName: label.field,
          isExpression: label.isExpression ? 1 : 0,
          fontFamily: FONT_FAMILY,
          namedStyle: fontStyle(label.bold),
          fontWeight: label.bold ? 75 : 50,
          fontSize: label.size,
          fontSizeUnit: PX,
          textColor: qgisColour(label.colour),
          textOpacity: 1,
        },
        xml('text-buffer', {
          bufferDraw: 1,
          bufferSize: LABEL_HALO_WIDTH,
          bufferSizeUnits: PX,
          bufferColor: qgisColour(theme.labelHalo),
          bufferOpacity: 1,
          bufferNoFill: 1,
          bufferJoinStyle: 128,
        }),
      ),
      xml('placement', label.placement),
      // Not obstacles: the web map sets its labels over the lines and areas, not round them.
      xml('rendering', { drawLabels: 1, upsidedownLabels: 0, obstacle: 0 }),
      ...(label.dataDefined ? [ddProperties(label.dataDefined)] : []),
    ),
  );
}

const quoted = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function flowLabeling(look: Extract<LayerLook, { kind: 'flows' }>): XmlNode {
  const [route, ...others] = flowKinds(look);
  if (!route) throw new Error('A flows layer has no flow type');
  const cases = others.map(
    (k) => `WHEN "flow_type" = ${quoted(k.value)} THEN ${quoted(qgisColour(k.textColour))}`,
  );
  return labeling({
    field: 'label',
    isExpression: false,
    colour: route.textColour,
    size: FLOW.labelSize,
    bold: true,
    // Curved (3) along the line, above it (AboveLine 2 | MapOrientation 8), once a line, at its middle.
    placement: {
      placement: 3,
      placementFlags: 10,
      dist: 6,
      distUnits: PX,
      lineAnchorPercent: 0.5,
      priority: 5,
    },
    // One labeling, two colours: each flow type's text in its own, as on the web map.
    dataDefined: { Color: `CASE ${cases.join(' ')} ELSE ${quoted(qgisColour(route.textColour))} END` },
  });
}

function areaLabeling(look: Extract<LayerLook, { kind: 'area' }>): XmlNode {
  return labeling({
    // "Alta Verapaz: army special powers" as a name over its note, broken after the ": " as on the web map.
    field: `replace("label", ': ', ':' || char(10))`,
    isExpression: true,
    colour: look.outline,
    size: areaLabelSize(look.emphasis),
    bold: look.emphasis,
    // Round a point inside the area (AroundPoint 0, centroidInside), free to move clear of a neighbour's
    // label as on the web map; the map's focus wins a clash.
    placement: {
      placement: 0,
      centroidInside: 1,
      centroidWhole: 1,
      dist: 2,
      distUnits: PX,
      priority: look.emphasis ? 10 : 5,
    },
  });
}

/** The QML document QGIS loads with `<layer id>.geojson`. */
export function layerQml(layer: ReportLayer): string {
  const { look } = layer;
  const renderer = look.kind === 'flows' ? flowRenderer(look) : areaRenderer(look);
  const labels = look.kind === 'flows' ? flowLabeling(look) : areaLabeling(look);
  return xmlDocument(
    xml(
      'qgis',
      { version: '3.22.0', styleCategories: 'Symbology|Labeling', labelsEnabled: 1 },
      renderer,
      labels,
    ),
    DOCTYPE,
  );
}
