import { readFileSync } from 'node:fs';
import { parseXml, XmlElement } from '@rgrove/parse-xml';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PICTURE, DEFAULT_PICTURE_PATH, defaultPictureSvg } from '../../scripts/default-picture.ts';
import { readBasemap, readReportLayers } from '../../scripts/io.ts';
import { es } from '../../src/i18n/es.ts';
import { REPORT_LAYER_IDS, type ReportData, type ReportLayerId } from '../../src/layers/registry.ts';
import { type PictureView, projector } from '../../src/picture/project.ts';
import { mapSvg } from '../../src/picture/svg.ts';
import { textWidth } from '../../src/picture/text.ts';
import { cssColour, type PictureFile, yourLegend } from '../../src/picture/your-legend.ts';
import { UNCERTAIN_FILL_OPACITY } from '../../src/style/time.ts';
import { areaColour, theme } from '../../src/theme.ts';
import { DEFAULT_PICTURE_BOX } from '../../src/ui/without-map.ts';
import type { YourFeature } from '../../src/your-data/types.ts';

const basemap = readBasemap();
const data = readReportLayers();

/** The whole corridor, and Guatemala close up (departments, Cobán, Alta Verapaz's own label). */
const CORRIDOR: PictureView = { center: [-88, 17], zoom: 3.9, width: 930, height: 768 };
const GUATEMALA: PictureView = { center: [-90.3, 15.6], zoom: 7, width: 930, height: 768 };

function svgOf(
  options: Partial<{
    view: PictureView;
    visible: readonly ReportLayerId[];
    date: string;
    permalink: string;
    data: ReportData;
    yourFiles: PictureFile[];
  }> = {},
): string {
  return mapSvg({
    view: options.view ?? CORRIDOR,
    basemap,
    data: options.data ?? data,
    visible: options.visible ?? REPORT_LAYER_IDS,
    date: options.date ?? '2012-01-15',
    permalink: options.permalink ?? 'https://example.org/map/#3.9/17/-88',
    ...(options.yourFiles ? { yourFiles: options.yourFiles } : {}),
  });
}

/**
 * The SVG's root element. @rgrove/parse-xml refuses anything that is not well-formed XML 1.0 (a bare
 * `&`, a control character, an unknown entity); namespace prefixes it leaves alone, so they are
 * checked here: each one used must be declared on the root.
 */
function parse(svg: string): XmlElement {
  const root = parseXml(svg).root;
  if (!root) throw new Error('No root element');
  const declared = new Set(
    Object.keys(root.attributes).flatMap((name) => (name.startsWith('xmlns:') ? [name.slice(6)] : [])),
  );
  for (const element of elements(root))
    for (const name of [element.name, ...Object.keys(element.attributes)]) {
      const prefix = name.includes(':') ? name.split(':')[0] : undefined;
      if (prefix && prefix !== 'xmlns' && !declared.has(prefix))
        throw new Error(`Undeclared prefix in ${name}`);
    }
  return root;
}

/** The element and every element under it, in document order; only those named `name` if given. */
function elements(root: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    if (!name || element.name === name) out.push(element);
    for (const child of element.children) if (child instanceof XmlElement) walk(child);
  };
  walk(root);
  return out;
}

type Element = XmlElement;
const attribute = (element: XmlElement | undefined, name: string): string | null =>
  element?.attributes[name] ?? null;
const byId = (root: Element, id: string): Element | undefined =>
  elements(root).find((e) => e.attributes.id === id);
const ids = (root: Element): string[] => elements(root).flatMap((e) => e.attributes.id ?? []);
/** The text a reader can select: every <text>'s characters. */
const texts = (root: Element): string[] => elements(root, 'text').map((t) => t.text);

/** The absolute points of path data as src/picture/geometry.ts writes it (M x y, then l dx dy…, z). */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([MLlz])([^MLlz]*)/g)) {
    const values = (args?.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    for (let i = 0; i + 1 < values.length; i += 2) {
      const [x, y] = [values[i] as number, values[i + 1] as number];
      const last = points[points.length - 1];
      points.push(command === 'l' && last ? [last[0] + x, last[1] + y] : [x, y]);
    }
  }
  return points;
}

describe('the SVG picture of a view (src/picture/svg.ts)', () => {
  it('is standalone SVG 1.1 that parses as XML, with a title and a description', () => {
    const root = parse(svgOf());
    expect(root.name).toBe('svg');
    expect(attribute(root, 'xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(attribute(root, 'version')).toBe('1.1');
    // The view whole, its title band above it and its legend and credits below: the picture is taller.
    const band = Number(attribute(elements(byId(root, 'title') as Element, 'rect')[0] as Element, 'height'));
    const foot = byId(root, 'foot') as Element;
    expect(band).toBeGreaterThan(30);
    expect(attribute(byId(root, 'map'), 'transform')).toBe(`translate(0 ${band})`);
    expect(Number(attribute(foot, 'y'))).toBe(band + 768);
    const total = band + 768 + Number(attribute(foot, 'height'));
    expect(total).toBeGreaterThan(band + 768 + 40);
    expect([attribute(root, 'width'), attribute(root, 'height')]).toEqual(['930', String(total)]);
    expect(attribute(root, 'viewBox')).toBe(`0 0 930 ${total}`);
    // Every text of the frame lies in its bands, none over the map.
    for (const id of ['title-text', 'as-of', 'credits-text', 'permalink'])
      for (const span of elements(byId(root, id) as Element, 'tspan')) {
        const y = Number(attribute(span, 'y'));
        expect(y < band || y > band + 768, id).toBe(true);
      }
    expect(attribute(root, 'font-family')).toBe('Noto Sans, sans-serif');
    const [title, desc] = [elements(root, 'title')[0], elements(root, 'desc')[0]];
    expect(title?.parent).toBe(root);
    expect(title?.text).toMatch(/Cocaine transit through Guatemala/);
    expect(desc?.text).toMatch(/Transit flows, Alta Verapaz, Militarised policing, as of 15 January 2012/);
    expect(desc?.text).toMatch(/Web Mercator, centred on 17\.00° N, 88\.00° W at zoom 3\.90/);
    // Clipped to the view, as the screen is.
    expect(attribute(byId(root, 'map'), 'clip-path')).toBe('url(#view)');
    expect(attribute(byId(root, 'sea'), 'fill')).toBe(theme.ocean);
    expect(attribute(byId(root, 'land'), 'fill')).toBe(theme.land);
    expect(attribute(byId(root, 'country-borders'), 'stroke')).toBe(theme.countryBorder);
  });

  it('has a group per visible layer and none for a hidden one', () => {
    const all = parse(svgOf());
    for (const layer of REPORT_LAYER_IDS) expect(byId(all, layer)?.name, layer).toBe('g');
    const some = parse(svgOf({ visible: ['alta-verapaz'] }));
    expect(byId(some, 'alta-verapaz')?.name).toBe('g');
    for (const hidden of ['transit-flows', 'militarised-policing']) {
      expect(ids(some).filter((id) => id.startsWith(hidden))).toEqual([]);
      expect(byId(some, `legend-${hidden}`)).toBeUndefined();
    }
    // No routes, no schematic note; and with nothing shown, no legend at all.
    expect(texts(some).join(' ')).not.toMatch(/schematic/);
    expect(byId(parse(svgOf({ visible: [] })), 'legend')).toBeUndefined();
  });

  it('carries the credits, the date, the note and the link as text', () => {
    const root = parse(svgOf({ date: '2010-12-19' }));
    const all = texts(root);
    expect(all.some((t) => t.includes('BBC News'))).toBe(true);
    expect(all.some((t) => t.includes('Natural Earth'))).toBe(true);
    const credits = byId(root, 'credits');
    expect(credits?.text).toMatch(/Report: BBC News, 15 January 2012/);
    expect(credits?.text).toMatch(/Boundaries: Natural Earth/);
    expect(byId(root, 'permalink')?.text).toBe('https://example.org/map/#3.9/17/-88');
    expect(byId(root, 'note')?.text).toMatch(/schematic/);
    expect(byId(root, 'as-of')?.text).toBe('As of 19 December 2010');
    for (const id of ['title', 'legend', 'scale-bar', 'credits']) expect(byId(root, id)?.name, id).toBe('g');
    // A metric scale bar of a round distance.
    expect(elements(byId(root, 'scale-bar') as Element, 'text')[0]?.text).toMatch(/^[125]0* k?m$/);
    // Every text is in the picture's font.
    expect(attribute(parse(svgOf()), 'font-family')).toMatch(/^Noto Sans/);
  });

  it('projects a place where MapLibre’s Web Mercator puts it', () => {
    const root = parse(svgOf({ view: GUATEMALA }));
    const marker = elements(byId(root, 'places__3598132') as Element, 'circle')[0];
    // Guatemala City, worked out here from the 512-pixel world at zoom 0, centred on the view.
    const [lng, lat] = [-90.51327, 14.64072];
    const world = 512 * 2 ** GUATEMALA.zoom;
    const y = (latitude: number) => 0.5 - Math.asinh(Math.tan((latitude * Math.PI) / 180)) / (2 * Math.PI);
    const expected = {
      x: 930 / 2 + ((lng - GUATEMALA.center[0]) / 360) * world,
      y: 768 / 2 + (y(lat) - y(GUATEMALA.center[1])) * world,
    };
    expect(Number(attribute(marker, 'cx'))).toBeCloseTo(expected.x, 1);
    expect(Number(attribute(marker, 'cy'))).toBeCloseTo(expected.y, 1);
    expect(projector(GUATEMALA)([lng, lat])[1]).toBeCloseTo(expected.y, 6);
  });

  it('draws each area as the timeline has it on the day', () => {
    const on = (date: string) => parse(svgOf({ view: GUATEMALA, date }));
    // Before Honduras's measure: not drawn at all, neither shape nor label.
    const before = parse(svgOf({ date: '2008-01-01' }));
    expect(ids(before).filter((id) => id.startsWith('militarised-policing__HND'))).toEqual([]);
    expect(texts(before).join(' ')).not.toMatch(/Nov 2011/);
    expect(attribute(byId(before, 'militarised-policing__MEX__fill'), 'fill-opacity')).toBeNull();
    // Alta Verapaz in force: filled in its tint, with a solid outline.
    const inForce = on('2010-12-25');
    expect(attribute(byId(inForce, 'alta-verapaz-fill'), 'fill')).toBe(
      areaColour({ fill: theme.altaVerapazFill, fillOpacity: 0.6 }),
    );
    expect(attribute(byId(inForce, 'alta-verapaz__GT-AV__fill'), 'class')).toBe('in-force');
    expect(attribute(byId(inForce, 'alta-verapaz__GT-AV__outline'), 'stroke-dasharray')).toBeNull();
    // Ended: the outline only, and the label says when it held.
    const ended = on('2012-01-15');
    expect(byId(ended, 'alta-verapaz__GT-AV__fill')).toBeUndefined();
    expect(attribute(byId(ended, 'alta-verapaz__GT-AV__outline'), 'class')).toBe('ended');
    expect(byId(ended, 'alta-verapaz-labels')?.text).toMatch(/19 Dec 2010 –\s*18 Feb 2011/);
    // Uncertain (Mexico's December 2006): a lighter tint and a dashed outline.
    const uncertain = parse(svgOf({ date: '2006-12-10' }));
    expect(attribute(byId(uncertain, 'militarised-policing__MEX__fill'), 'fill-opacity')).toBe(
      String(UNCERTAIN_FILL_OPACITY),
    );
    expect(attribute(byId(uncertain, 'militarised-policing__MEX__outline'), 'stroke-dasharray')).toMatch(
      /^\d/,
    );
    // The undated flows are drawn whatever the day.
    expect(attribute(byId(uncertain, 'transit-flows__route-1-col-gtm'), 'd')).toMatch(/^M/);
  });

  it('labels the map as the map does: names, the report’s annotations and the routes', () => {
    const root = parse(svgOf({ view: CORRIDOR }));
    const all = texts(root).join(' | ');
    for (const name of [
      'GUATEMALA',
      'MEXICO',
      'HONDURAS',
      'Since Dec 2006',
      'Since 15 Jan 2012',
      'Mexico City',
    ])
      expect(all, name).toContain(name);
    // At this zoom Alta Verapaz is named by a callout, with its span, bold, in its outline's colour.
    const alta = byId(root, 'alta-verapaz-labels');
    expect(alta?.text).toMatch(/^Alta Verapaz:army special powers/);
    expect(attribute(alta, 'fill')).toBe(theme.altaVerapazOutline);
    expect(byId(root, 'alta-verapaz__GT-AV__leader')).toBeDefined();
    expect(byId(root, 'transit-flows-labels')?.text?.replace(/\s+/g, '')).toMatch(/Guatemala/);
    const close = texts(parse(svgOf({ view: GUATEMALA }))).join(' | ');
    for (const name of ['Cobán', 'Huehuetenango', 'Guatemala City']) expect(close, name).toContain(name);
    // The route's middle is out of this view: its label goes on the part in view, as the map's tiles put it.
    expect(close).toContain('Transit country: Guatemala to Mexico');
  });

  it('keeps what it draws inside the view, and small', () => {
    const svg = svgOf();
    const root = parse(svg);
    const paths = elements(root, 'path').flatMap((p) => attribute(p, 'd') ?? []);
    expect(paths.length).toBeGreaterThan(20);
    for (const d of paths.filter((p) => p.includes('l')))
      for (const [x, y] of pathPoints(d)) {
        expect(x).toBeGreaterThanOrEqual(-8.1);
        expect(x).toBeLessThanOrEqual(938.1);
        expect(y).toBeGreaterThanOrEqual(-8.1);
        expect(y).toBeLessThanOrEqual(776.1);
      }
    expect(svg.length).toBeLessThan(80_000);
    // A view of open sea draws none of the land.
    const sea = parse(svgOf({ view: { center: [-130, 0], zoom: 6, width: 400, height: 300 } }));
    expect(elements(byId(sea, 'country-shapes') as Element, 'path')).toEqual([]);
  });

  it('keeps hostile text as text', () => {
    const hostile = '<script>alert("x")</script> & Co\'s "route"';
    const flows = data['transit-flows'];
    const first = flows.features[0];
    if (!first) throw new Error('no flow');
    const altered: ReportData = {
      ...data,
      'transit-flows': {
        ...flows,
        features: [
          { ...first, id: 'a"><script>', properties: { ...first.properties, name: hostile, label: hostile } },
          ...flows.features.slice(1),
        ],
      } as FeatureCollection,
    };
    const svg = svgOf({
      data: altered,
      permalink: 'https://x/#3/1/2&feature="><script>alert(1)</script>\u0000',
    });
    const root = parse(svg);
    expect(elements(root, 'script')).toEqual([]);
    expect(svg).not.toContain('<script');
    expect(elements(root, 'title').some((t) => t.text === hostile)).toBe(true);
    expect(byId(root, 'permalink')?.text).toBe('https://x/#3/1/2&feature="><script>alert(1)</script>');
    expect(ids(root).every((id) => /^[A-Za-z][A-Za-z0-9_-]*$/.test(id))).toBe(true);
    // And the parser this rests on does refuse markup that was not escaped.
    expect(() => parse('<svg xmlns="http://www.w3.org/2000/svg"><text>a & b</text></svg>')).toThrow();
  });
});

/** A reader's feature as the readers give it: its index is its id. */
const feature = (id: number, geometry: Geometry, properties: Record<string, unknown> = {}): YourFeature => ({
  type: 'Feature',
  id,
  geometry,
  properties,
});

/** A reader's file in Guatemala: two points (one in its own colour), a line and an area. */
const SEIZURES: PictureFile = {
  name: 'seizures.geojson',
  colour: '#1e88e5',
  features: [
    feature(0, { type: 'Point', coordinates: [-90.5, 14.6] }),
    feature(1, { type: 'Point', coordinates: [-89.9, 16.9] }, { 'marker-color': '#ff00ff' }),
    feature(2, {
      type: 'LineString',
      coordinates: [
        [-91.5, 15],
        [-90, 15.5],
      ],
    }),
    feature(
      3,
      {
        type: 'Polygon',
        coordinates: [
          [
            [-90, 14],
            [-89.5, 14],
            [-89.5, 14.5],
            [-90, 14],
          ],
        ],
      },
      { fill: 'not a colour', stroke: '#00aa00' },
    ),
  ],
};

/** The map's children by id, in drawing order. */
const mapOrder = (root: Element): string[] =>
  (byId(root, 'map') as Element).children.flatMap((c) =>
    c instanceof XmlElement && c.attributes.id ? [c.attributes.id] : [],
  );

describe("the SVG picture with the reader's own files", () => {
  it('draws them over the report’s tints and under its lines, keyed and credited apart', () => {
    const root = parse(svgOf({ view: GUATEMALA, date: '2010-12-25', yourFiles: [SEIZURES] }));
    const order = mapOrder(root);
    const yours = order.indexOf('your-data');
    expect(yours).toBeGreaterThan(order.indexOf('alta-verapaz-fill'));
    expect(yours).toBeGreaterThan(order.indexOf('militarised-policing-fill'));
    expect(order.indexOf('alta-verapaz-fill')).toBeGreaterThan(-1);
    for (const above of [
      'guatemala-departments',
      'country-borders',
      'alta-verapaz',
      'transit-flows',
      'labels',
    ])
      expect(order.indexOf(above), above).toBeGreaterThan(yours);
    const file = byId(root, 'your-data-1') as Element;
    expect(elements(file, 'title')[0]?.text).toBe('seizures.geojson');
    // Each point where the map projects it, in the file's colour or its own, ringed white.
    const project = projector(GUATEMALA);
    const circles = elements(file, 'circle');
    expect(circles).toHaveLength(2);
    for (const [i, circle] of circles.entries()) {
      const [x, y] = project(
        (SEIZURES.features[i] as YourFeature & { geometry: Point }).geometry.coordinates,
      );
      expect(Number(attribute(circle, 'cx'))).toBeCloseTo(x, 1);
      expect(Number(attribute(circle, 'cy'))).toBeCloseTo(y, 1);
      // The fill 5 pixels across its radius and the ring outside it, as MapLibre strokes a circle.
      expect(attribute(circle, 'r')).toBe('5.75');
    }
    const points = elements(file, 'g').find((g) => g.attributes.class === 'points');
    expect([attribute(points, 'fill'), attribute(points, 'stroke')]).toEqual(['#1e88e5', '#ffffff']);
    expect(attribute(circles[0], 'fill')).toBeNull();
    expect(attribute(circles[1], 'fill')).toBe('#ff00ff');
    // The line in the file's colour; the area tinted in it (its `fill` is no colour), outlined in its own.
    const part = (name: string) => elements(file, 'g').find((g) => g.attributes.class === name) as Element;
    expect(attribute(part('lines'), 'stroke')).toBe('#1e88e5');
    expect(attribute(part('lines'), 'stroke-width')).toBe('2.5');
    expect(pathPoints(attribute(elements(part('lines'), 'path')[0], 'd') ?? '')[0]?.[0]).toBeCloseTo(
      project([-91.5, 15])[0],
      0,
    );
    expect([attribute(part('areas'), 'fill'), attribute(part('areas'), 'fill-opacity')]).toEqual([
      '#1e88e5',
      '0.3',
    ]);
    expect(attribute(elements(part('areas'), 'path')[0], 'fill')).toBeNull();
    expect(attribute(elements(part('outlines'), 'path')[0], 'stroke')).toBe('#00aa00');
    // The legend's "Your data", after the report's layers, and the credit.
    const legend = byId(root, 'legend') as Element;
    expect(byId(legend, 'legend-your-data')?.text).toBe('Your data');
    const rows = elements(legend, 'g').filter((g) => g.attributes.class === 'legend-your-file');
    expect(rows.map((r) => elements(r, 'text')[0]?.text)).toEqual(['seizures.geojson']);
    expect(attribute(elements(rows[0] as Element, 'circle')[1], 'fill')).toBe('#1e88e5');
    const rowsY = elements(legend, 'tspan').map((t) => Number(attribute(t, 'y')));
    expect(rowsY).toEqual([...rowsY].sort((a, b) => a - b));
    expect(byId(root, 'credits-text')?.text).toMatch(
      /Report: BBC News, 15 January 2012.*· Your data: seizures\.geojson$/,
    );
    expect(elements(root, 'desc')[0]?.text).toMatch(
      /reader's own files, which are not part of the report: seizures\.geojson/,
    );
    // The frame grew by the legend's two rows, and the credits stay below the map.
    const without = parse(svgOf({ view: GUATEMALA, date: '2010-12-25' }));
    expect(Number(attribute(root, 'height')) - Number(attribute(without, 'height'))).toBe(36);
    // And without a file: no drawing, no key, no credit.
    expect(ids(without).filter((id) => id.startsWith('your-data') || id === 'legend-your-data')).toEqual([]);
    expect(texts(without).join(' ')).not.toMatch(/Your data/);
    expect(elements(without, 'desc')[0]?.text).not.toMatch(/reader/);
  });

  it('keys a file in Spanish, in its own colour where every feature has the same', () => {
    const red = {
      ...SEIZURES,
      name: 'pistas.kml',
      features: SEIZURES.features.slice(0, 2).map((f) => ({ ...f, properties: { 'marker-color': 'Red' } })),
    };
    expect(yourLegend(red)).toEqual([{ label: 'pistas.kml', colour: 'red' }]);
    expect(yourLegend(SEIZURES)).toEqual([{ label: 'seizures.geojson', colour: '#1e88e5' }]);
    const root = parse(
      mapSvg({
        view: GUATEMALA,
        basemap,
        data,
        visible: [],
        date: '2012-01-15',
        permalink: '',
        t: es,
        yourFiles: [SEIZURES, red],
      }),
    );
    // With no report layer shown, the legend is the reader's files alone.
    const legend = byId(root, 'legend') as Element;
    expect(elements(legend, 'text').map((t) => t.text)).toEqual([
      'Tus datos',
      'seizures.geojson',
      'pistas.kml',
    ]);
    expect(byId(root, 'credits-text')?.text).toMatch(/Tus datos: seizures\.geojson, pistas\.kml$/);
    // The later file over the earlier, as the map stacks them.
    expect(mapOrder(root)).toContain('your-data');
    expect(ids(byId(root, 'your-data') as Element).filter((id) => /^your-data-\d$/.test(id))).toEqual([
      'your-data-1',
      'your-data-2',
    ]);
  });

  it('reads colours as the map does, and nothing else', () => {
    for (const colour of [
      '#abc',
      '#AABBCC',
      '#aabbcc80',
      'rgb(1, 2, 3)',
      'rgba(1,2,3,0.5)',
      'hsl(120 50% 50%)',
    ])
      expect(cssColour(colour), colour).toBe(colour);
    expect(cssColour(' Teal ')).toBe('teal');
    for (const bad of ['', 'url(#x)', '#abcde', 'red;stroke:x', '"><script>', 'expression(1)', 12, null])
      expect(cssColour(bad), String(bad)).toBeUndefined();
  });

  it('draws dated rows as the timeline has them on the day', () => {
    const dated: PictureFile = {
      name: 'dated.csv',
      colour: '#009e73',
      features: [
        feature(0, { type: 'Point', coordinates: [-90.5, 14.6] }),
        feature(1, { type: 'Point', coordinates: [-90, 15] }),
        feature(2, { type: 'Point', coordinates: [-89.5, 15.5] }),
      ],
      dates: {
        column: 'fecha',
        values: [
          { date: '2010-12', text: '2010-12', earliest: '2010-12-01', latest: '2010-12-31', unit: 'month' },
          {
            date: '2011-06-01',
            text: '2011-06-01',
            earliest: '2011-06-01',
            latest: '2011-06-01',
            unit: 'day',
          },
          null,
        ],
      },
    };
    const on = (date: string) =>
      elements(
        byId(parse(svgOf({ view: GUATEMALA, date, yourFiles: [dated] })), 'your-data-1') as Element,
        'circle',
      );
    // 19 December 2010: the first row may or may not be yet (uncertain, faint), the second is not yet.
    const december = on('2010-12-19');
    expect(december.map((c) => attribute(c, 'opacity'))).toEqual(['0.35', null]);
    // At the report's date both are in force, and the undated row is drawn whatever the day.
    expect(on('2012-01-15').map((c) => attribute(c, 'opacity'))).toEqual([null, null, null]);
  });

  it('keeps a hostile file name as text, and the SVG well-formed', () => {
    const hostile = '<script>alert("x")</script> & Co\'s \u0000"file".csv';
    const svg = svgOf({ view: GUATEMALA, yourFiles: [{ ...SEIZURES, name: hostile }] });
    const root = parse(svg);
    expect(svg).not.toContain('<script');
    expect(elements(root, 'script')).toEqual([]);
    const shown = hostile.replace('\u0000', '');
    expect(elements(byId(root, 'your-data-1') as Element, 'title')[0]?.text).toBe(shown);
    const row = elements(byId(root, 'legend') as Element, 'g').find(
      (g) => g.attributes.class === 'legend-your-file',
    );
    expect(elements(row as Element, 'text')[0]?.text).toBe(shown);
    expect(byId(root, 'credits-text')?.text?.replace(/\s+/g, ' ')).toContain(
      `Your data: ${shown}`.replace(/\s+/g, ' '),
    );
  });

  it('cuts a long file name in the legend to its line, and credits it whole', () => {
    const long = `${'municipios-homicidios-'.repeat(8)}2011.geojson`;
    const root = parse(
      svgOf({ view: { ...GUATEMALA, width: 375, height: 500 }, yourFiles: [{ ...SEIZURES, name: long }] }),
    );
    const row = elements(byId(root, 'legend') as Element, 'g').find(
      (g) => g.attributes.class === 'legend-your-file',
    );
    const cut = elements(row as Element, 'text')[0]?.text ?? '';
    expect(cut).toMatch(/^municipios-homicidios-.*…$/);
    expect(textWidth(cut, { size: 12, weight: 'regular' })).toBeLessThanOrEqual(375 - 20 - 28 - 112);
    expect(byId(root, 'credits-text')?.text?.replace(/\s+/g, '')).toContain(`Yourdata:${long}`);
  });

  it('draws a file of many points in the map’s clusters, with counts, and its points close up', () => {
    // 50,000 points over Guatemala, more than the map clusters from, from a fixed sequence.
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const pointFile = (count: number): PictureFile => ({
      name: 'many.csv',
      colour: '#cc79a7',
      features: Array.from({ length: count }, (_, i) =>
        feature(i, { type: 'Point', coordinates: [-92 + 3.5 * random(), 13.8 + 4 * random()] }),
      ),
    });
    const many = pointFile(50_000);
    const svg = svgOf({ view: CORRIDOR, yourFiles: [many] });
    const file = byId(parse(svg), 'your-data-1') as Element;
    const part = (name: string) => elements(file, 'g').find((g) => g.attributes.class === name);
    const bubbles = elements(part('clusters') as Element, 'circle');
    const counts = elements(part('counts') as Element, 'text').map((t) => t.text);
    // A few bubbles, each with a count as MapLibre abbreviates it, the large ones widest.
    expect(bubbles.length).toBeGreaterThan(0);
    expect(bubbles.length).toBeLessThan(200);
    expect(counts).toHaveLength(bubbles.length);
    for (const count of counts) expect(count).toMatch(/^(\d+|\d+(\.\d)?k)$/);
    const widest = bubbles.reduce((most, b) => Math.max(most, Number(attribute(b, 'r'))), 0);
    expect(widest).toBe(22);
    expect([attribute(part('clusters'), 'fill'), attribute(part('clusters'), 'stroke')]).toEqual([
      '#cc79a7',
      '#ffffff',
    ]);
    expect(part('points')).toBeUndefined();
    expect(svg.length).toBeLessThan(100_000);
    // Beyond the zoom the map clusters to (11), every point in view is drawn as itself.
    const close: PictureView = { center: [-90.3, 15.6], zoom: 12, width: 400, height: 300 };
    const project = projector(close);
    const inView = many.features.filter((f) => {
      const [x, y] = project((f.geometry as Point).coordinates);
      return x >= -8 && x <= 408 && y >= -8 && y <= 308;
    });
    expect(inView.length).toBeGreaterThan(0);
    const near = byId(parse(svgOf({ view: close, yourFiles: [many] })), 'your-data-1') as Element;
    expect(elements(near, 'circle').length).toBe(inView.length);
    expect(elements(near, 'text')).toEqual([]);
    // One point fewer than the map clusters from: points, not bubbles.
    const fewer = byId(parse(svgOf({ view: CORRIDOR, yourFiles: [pointFile(19_999)] })), 'your-data-1');
    expect(elements(fewer as Element, 'g').map((g) => g.attributes.class)).toEqual([
      'your-data-file',
      'points',
    ]);
  });
});

describe(`the committed picture for browsers without WebGL (${DEFAULT_PICTURE})`, () => {
  it('is what npm run picture writes from the code and data as they are', () => {
    const committed = readFileSync(DEFAULT_PICTURE_PATH, 'utf8');
    expect(committed === defaultPictureSvg(), `${DEFAULT_PICTURE} is out of date: run npm run picture`).toBe(
      true,
    );
  });

  it('is the size the page keeps for it', () => {
    const root = parse(readFileSync(DEFAULT_PICTURE_PATH, 'utf8'));
    expect([attribute(root, 'width'), attribute(root, 'height')]).toEqual(
      [DEFAULT_PICTURE_BOX.width, DEFAULT_PICTURE_BOX.height].map(String),
    );
  });
});
