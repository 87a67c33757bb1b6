import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstViewPictureSvg } from '../../scripts/default-picture.ts';
import {
  FIRST_VIEW_PICTURES,
  readFirstViewSource,
  sha256,
  webpSize,
} from '../../scripts/first-view-picture.ts';
import { DEFAULT_BOUNDS } from '../../src/data/default-view.ts';
import {
  boxInView,
  covers,
  expectedPadding,
  expectedView,
  FIRST_VIEW,
  FIRST_VIEW_SIZE,
  pictureFile,
  ROWS_QUERY,
} from '../../src/first-view/place.ts';
import { firstViewLanguage } from '../../src/first-view/show.ts';
import { en, es } from '../../src/i18n/index.ts';
import { projector } from '../../src/picture/project.ts';

const SPOKEN = ['en', 'es'] as const;
const language = (hash: string, search = '', preferences = ['en-GB']) =>
  firstViewLanguage({ hash, search }, preferences, SPOKEN, 'en');

describe('which links show the first view picture (src/first-view/show.ts)', () => {
  it("shows it at the default view, in the page's language", () => {
    expect(language('')).toBe('en');
    expect(language('#')).toBe('en');
    expect(language('', '', ['es-GT', 'en'])).toBe('es');
    expect(language('', '', ['fr-FR'])).toBe('en');
    expect(language('#lang=es')).toBe('es');
    expect(language('#lang=en', '', ['es'])).toBe('en');
  });

  it('shows none where the link asks for another view, a day, a feature, layers or an embed', () => {
    for (const hash of [
      '#5/15/-90',
      '#3.1/19.23/-100.16',
      '#date=2008-01-01',
      '#layers=transit-flows',
      '#layers=',
      '#feature=alta-verapaz',
      '#lang=es&date=2011-01-01',
      '#lang=fr',
      '#garbage',
      '#lang=es&',
    ])
      expect(language(hash), hash).toBeNull();
    expect(language('', '?embed')).toBeNull();
    expect(language('#lang=es', '?embed=1')).toBeNull();
  });
});

describe('where the picture goes (src/first-view/place.ts)', () => {
  it("puts the picture's corners where the view puts their places", () => {
    const view = { center: [-90, 18] as [number, number], zoom: 2.6, width: 700, height: 500 };
    const box = boxInView(view);
    const project = projector(view);
    const [[west, south], [east, north]] = FIRST_VIEW.bounds;
    expect([box.left, box.top]).toEqual(project([west, north]));
    expect([box.right, box.bottom]).toEqual(project([east, south]));
    // Drawn at its own zoom, it is its own size; at the view's zoom, scaled by 2^Δzoom.
    const scale = 2 ** (view.zoom - FIRST_VIEW.zoom);
    expect(box.right - box.left).toBeCloseTo(FIRST_VIEW_SIZE.width * scale, 9);
    expect(box.bottom - box.top).toBeCloseTo(FIRST_VIEW_SIZE.height * scale, 9);
  });

  it("fills the default view of every common screen's map, with the controls where they will be", () => {
    // [page width, page height, map width, map height], as measured in the page; the controls' layout
    // follows the page's size, as controls.css's media queries do.
    const screens = [
      [320, 568, 320, 400],
      [360, 740, 360, 518],
      [390, 844, 390, 591],
      [430, 932, 430, 680],
      [768, 1024, 768, 717],
      [800, 600, 450, 392],
      [960, 700, 610, 515],
      [1024, 600, 674, 435],
      [1040, 768, 690, 603],
      [1280, 720, 930, 611],
      [1280, 800, 930, 691],
      [1920, 1080, 1570, 971],
      [2560, 1440, 2210, 1331],
    ];
    for (const [pageWidth = 0, pageHeight = 0, width = 0, height = 0] of screens) {
      const narrow = pageWidth < 700 || pageHeight < 700;
      const view = expectedView(width, height, expectedPadding(width, height, narrow, 16));
      expect(covers(boxInView(view), width, height), `${pageWidth} × ${pageHeight}`).toBe(true);
    }
  });

  it("forecasts the controls' rows with controls.css's own media query", () => {
    expect(readFileSync('src/ui/controls.css', 'utf8')).toContain(`@media ${ROWS_QUERY} {`);
  });

  it('is not shown where it would not fill the map', () => {
    const box = { left: -1, top: -1, right: 101, bottom: 101 };
    expect(covers(box, 100, 100)).toBe(true);
    expect(covers({ ...box, left: 1 }, 100, 100)).toBe(false);
    expect(covers({ ...box, bottom: 99 }, 100, 100)).toBe(false);
  });

  it('expects the default bounds inside the controls as the map will fit them', () => {
    const padding = expectedPadding(930, 691, false, 16);
    // The legend's column (15rem, MapLibre's 10-px margin) and the map's buttons (29 px, margins).
    expect(padding).toEqual({ top: 10, bottom: 10, left: 260, right: 49 });
    // Where that column would cover over a third of the map, the legend starts folded: its buttons
    // go across the top.
    expect(expectedPadding(610, 515, false, 16)).toEqual({ top: 138, bottom: 10, left: 10, right: 49 });
    // A narrow page's rows of buttons, above and below.
    expect(expectedPadding(390, 591, true, 16)).toEqual({ top: 49, bottom: 47, left: 10, right: 10 });
    const view = expectedView(930, 691, padding);
    const [[west, south], [east, north]] = DEFAULT_BOUNDS;
    const project = projector(view);
    expect(project([west, north])[0]).toBeCloseTo(260, 6);
    expect(project([east, south])[1]).toBeLessThanOrEqual(691 - 10 + 1e-9);
  });
});

describe('the committed first view pictures (public/first-view*.webp)', () => {
  const svg = firstViewPictureSvg();

  it('were drawn from the SVG the code and data make now, each at its size', () => {
    const source = readFirstViewSource();
    expect(source.svgSha256 === sha256(svg), 'out of date: run npm run picture').toBe(true);
    // And are the files npm run picture wrote then, not others put in their place.
    for (const { file, path } of FIRST_VIEW_PICTURES)
      expect(sha256(readFileSync(path)), file).toBe(source.webpSha256[file]);
    const [narrow, wide] = FIRST_VIEW_PICTURES;
    for (const { file, path, width, height } of FIRST_VIEW_PICTURES)
      expect(webpSize(readFileSync(path)), file).toEqual({ width, height });
    // The wide one's pixels are the places at the zoom the picture is drawn at, the narrow one's at
    // zoom 2.5, each to the pixel.
    expect(Math.abs((wide?.width ?? 0) - FIRST_VIEW_SIZE.width)).toBeLessThan(0.5);
    expect(Math.abs((wide?.height ?? 0) - FIRST_VIEW_SIZE.height)).toBeLessThan(0.5);
    expect(Math.abs((narrow?.width ?? 0) - FIRST_VIEW_SIZE.width * 2 ** -0.5)).toBeLessThan(0.5);
    expect(pictureFile(390)).toBe('first-view-narrow.webp');
    expect(pictureFile(1280)).toBe('first-view.webp');
  });

  it('has no words, which would be the wrong size once scaled, and every layer of the default view', () => {
    expect(svg).not.toMatch(/<text[\s>]/);
    expect(svg).toContain('preserveAspectRatio="none"');
    for (const id of [
      'sea',
      'land',
      'country-borders',
      'transit-flows',
      'alta-verapaz',
      'militarised-policing',
    ])
      expect(svg, id).toContain(`id="${id}`);
  });

  it('has its words for every language, saying it is a picture', () => {
    expect(en.firstView.note).toMatch(/picture/);
    expect(es.firstView.note).toMatch(/imagen/);
  });
});
