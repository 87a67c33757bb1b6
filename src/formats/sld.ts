/**
 * SLD 1.1 (Symbology Encoding 1.1) styles for the report layers, for GeoServer, MapServer and other
 * tools that read no QML (ArcGIS Pro reads neither): the same rules and colours as the QGIS styles, in pixels
 * (the SE pixel unit of measure), written from the registry and the theme.
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
  LABEL_HALO_WIDTH,
} from './drawn.ts';
import { type XmlNode, xml, xmlDocument } from './xml.ts';

export const SLD_NS = 'http://www.opengis.net/sld';
export const SE_NS = 'http://www.opengis.net/se';
export const OGC_NS = 'http://www.opengis.net/ogc';
const PIXEL = 'http://www.opengeospatial.org/se/units/pixel';

const param = (name: string, value: string | number): XmlNode =>
  xml('se:SvgParameter', { name }, String(value));

const stroke = (colour: string, width: number, extra: Record<string, string | number> = {}): XmlNode =>
  xml(
    'se:Stroke',
    {},
    param('stroke', colour),
    param('stroke-width', width),
    ...Object.entries(extra).map(([k, v]) => param(k, v)),
  );

const fill = (colour: string): XmlNode => xml('se:Fill', {}, param('fill', colour));

const lineSymbolizer = (...children: XmlNode[]): XmlNode =>
  xml('se:LineSymbolizer', { uom: PIXEL }, ...children);

/**
 * Arrowheads along the line: SE turns a GraphicStroke's graphic to the line's direction, and a triangle
 * points up, so a quarter turn points it from the first vertex to the last.
 */
const arrows = (kind: FlowKind): XmlNode =>
  lineSymbolizer(
    xml(
      'se:Stroke',
      {},
      xml(
        'se:GraphicStroke',
        {},
        xml(
          'se:Graphic',
          {},
          xml(
            'se:Mark',
            {},
            xml('se:WellKnownName', {}, 'triangle'),
            fill(kind.colour),
            stroke(theme.labelHalo, FLOW.arrowHalo),
          ),
          xml('se:Size', {}, String(FLOW.arrowSize)),
          xml('se:Rotation', {}, '90'),
        ),
        xml('se:InitialGap', {}, String(FLOW.arrowSpacing / 2)),
        xml('se:Gap', {}, String(FLOW.arrowSpacing)),
      ),
    ),
  );

interface TextStyle {
  colour: string;
  size: number;
  bold: boolean;
  placement: XmlNode;
}

/** Labels from the `label` column, with a white halo as on the web map. */
const text = ({ colour, size, bold, placement }: TextStyle): XmlNode =>
  xml(
    'se:TextSymbolizer',
    { uom: PIXEL },
    xml('se:Label', {}, xml('ogc:PropertyName', {}, 'label')),
    xml(
      'se:Font',
      {},
      param('font-family', FONT_FAMILY),
      param('font-size', size),
      param('font-weight', bold ? 'bold' : 'normal'),
    ),
    xml('se:LabelPlacement', {}, placement),
    xml('se:Halo', {}, xml('se:Radius', {}, String(LABEL_HALO_WIDTH)), fill(theme.labelHalo)),
    fill(colour),
  );

function flowRule(kind: FlowKind): XmlNode {
  const dash: Record<string, string> = kind.dashed
    ? {
        'stroke-dasharray': displacementDashPx().join(' '),
        'stroke-linecap': 'butt',
        'stroke-linejoin': 'miter',
      }
    : { 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
  return xml(
    'se:Rule',
    {},
    xml('se:Name', {}, kind.value),
    xml('se:Description', {}, xml('se:Title', {}, kind.legend)),
    xml(
      'ogc:Filter',
      {},
      xml(
        'ogc:PropertyIsEqualTo',
        {},
        xml('ogc:PropertyName', {}, 'flow_type'),
        xml('ogc:Literal', {}, kind.value),
      ),
    ),
    lineSymbolizer(
      stroke(theme.labelHalo, FLOW.casingWidth, {
        'stroke-opacity': FLOW.casingOpacity,
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      }),
    ),
    lineSymbolizer(stroke(kind.colour, kind.width, dash)),
    arrows(kind),
    text({
      colour: kind.textColour,
      size: FLOW.labelSize,
      bold: true,
      placement: xml('se:LinePlacement', {}, xml('se:PerpendicularOffset', {}, '8')),
    }),
  );
}

function areaRule(name: string, look: Extract<LayerLook, { kind: 'area' }>): XmlNode {
  return xml(
    'se:Rule',
    {},
    xml('se:Name', {}, name),
    xml(
      'se:PolygonSymbolizer',
      { uom: PIXEL },
      // Opaque, as the web map draws it (see areaColour).
      fill(areaColour(look)),
      stroke(look.outline, look.outlineWidth, { 'stroke-linejoin': 'miter' }),
    ),
    text({
      colour: look.outline,
      size: areaLabelSize(look.emphasis),
      bold: look.emphasis,
      placement: xml(
        'se:PointPlacement',
        {},
        xml('se:AnchorPoint', {}, xml('se:AnchorPointX', {}, '0.5'), xml('se:AnchorPointY', {}, '0.5')),
      ),
    }),
  );
}

/** The StyledLayerDescriptor for `<layer id>.geojson`: one NamedLayer named after the layer. */
export function layerSld(layer: ReportLayer): string {
  const { look } = layer;
  const rules = look.kind === 'flows' ? flowKinds(look).map(flowRule) : [areaRule(layer.name, look)];
  return xmlDocument(
    xml(
      'StyledLayerDescriptor',
      {
        version: '1.1.0',
        xmlns: SLD_NS,
        'xmlns:se': SE_NS,
        'xmlns:ogc': OGC_NS,
        'xmlns:xlink': 'http://www.w3.org/1999/xlink',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': `${SLD_NS} http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd`,
      },
      xml(
        'NamedLayer',
        {},
        xml('se:Name', {}, layer.id),
        xml(
          'UserStyle',
          {},
          xml('se:Name', {}, layer.id),
          xml('se:Description', {}, xml('se:Title', {}, layer.name)),
          xml('se:FeatureTypeStyle', {}, ...rules),
        ),
      ),
    ),
  );
}
