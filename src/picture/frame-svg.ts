import { escapeXml } from '../formats/xml.ts';
import { theme } from '../theme.ts';
import { type LegendEntry, legendRows, legendTextWidth, type PictureFrame, yourRowPlace } from './frame.ts';
import type { PictureView } from './project.ts';
import { metresPerPixel, scaleBar } from './scale.ts';
import { type Font, fitLine, wrapWords } from './text.ts';
import { type Attributes, element, group, num } from './xml.ts';

/**
 * The SVG picture's frame, laid out as the PNG's (src/picture/png.ts): the title and date on a dark
 * band above the map; the legend, the scale bar, and the credits, note and link on a band below it.
 * Neither covers the map: the picture is taller than the view by their height.
 */

/** The frame's margins, its dark title band (the page header's colour) and its light panels. */
const PAD = 10;
const TITLE_BAND = '#1f2933';
const SCALE_INK = '#333333';
const ROW = 18;

export interface FrameLayout {
  svg: string;
  /** The title band's height, above the map. */
  top: number;
  /** The legend's and credits' band's height, below the map. */
  bottom: number;
}

const FRAME_FONT = {
  title: { size: 15, weight: 'bold' },
  asOf: { size: 13, weight: 'regular' },
  foot: { size: 11, weight: 'regular' },
  legend: { size: 12, weight: 'regular' },
  legendHeading: { size: 12, weight: 'bold' },
  scale: { size: 10, weight: 'regular' },
} as const satisfies Record<string, Font>;

/** A <text> of lines whose first line's top is at `top`, `lineHeight` apart. */
function textLines(
  x: number,
  top: number,
  lines: string[],
  font: Font,
  lineHeight: number,
  attributes: Attributes = {},
) {
  const spans = lines.map((line, i) =>
    element('tspan', { x, y: top + i * lineHeight + 0.9 * font.size }, escapeXml(line)),
  );
  return element('text', { 'font-size': font.size, ...attributes }, spans.join(''));
}

/** A report layer's legend row: its swatch and name. */
function reportRow(entry: LegendEntry, x: number, y: number): string {
  const swatch =
    entry.swatch.kind === 'area'
      ? [
          element('rect', {
            x: x + 1,
            y: y + 3,
            width: 18,
            height: 10,
            fill: entry.swatch.fill,
            stroke: entry.swatch.outline,
            'stroke-width': 2,
          }),
        ]
      : // The route solid and the displacement dashed, as the map draws them.
        entry.swatch.colours.map((colour, j) =>
          element('path', {
            d: `M${num(x)} ${num(y + 5.5 + j * 6)}h20`,
            fill: 'none',
            stroke: colour,
            'stroke-width': 3,
            'stroke-dasharray': j > 0 ? '6 3.6' : undefined,
          }),
        );
  return group({ id: `legend-${entry.id}` }, [
    ...swatch,
    textLines(x + 28, y + 1, [entry.name], FRAME_FONT.legend, ROW, { fill: theme.annotationText }),
  ]);
}

/** The frame of a picture of `view`: the title band over the map's top, the foot under its bottom. */
export function drawFrame(frame: PictureFrame, view: PictureView): FrameLayout {
  const { width, height } = view;
  const inner = width - 2 * PAD;

  const title = wrapWords(frame.title, FRAME_FONT.title, inner);
  const band = PAD + title.length * 19 + 18 + PAD / 2;
  const titleGroup = group({ id: 'title' }, [
    element('rect', { width, height: band, fill: TITLE_BAND }),
    textLines(PAD, PAD, title, FRAME_FONT.title, 19, {
      fill: theme.labelHalo,
      'font-weight': 'bold',
      id: 'title-text',
    }),
    textLines(PAD, PAD + title.length * 19 + 2, [frame.asOf], FRAME_FONT.asOf, 17, {
      fill: theme.labelHalo,
      id: 'as-of',
    }),
  ]);

  // The foot: the legend on the left and the scale bar on the right, then the credits, note and link.
  const footTop = band + height;
  const legend = legendRows(frame);
  const keyHeight = Math.max(legend.length * ROW, 24);
  const parts = [titleGroup];
  const textWidth = legendTextWidth(width);
  const rows = legend.map((row, i) => {
    const y = footTop + PAD / 2 + i * ROW;
    const x = PAD;
    if (row.kind === 'heading')
      return textLines(
        x,
        y + 1,
        [fitLine(row.text, FRAME_FONT.legendHeading, inner)],
        FRAME_FONT.legendHeading,
        ROW,
        {
          fill: theme.annotationText,
          'font-weight': 'bold',
          id: 'legend-your-data',
        },
      );
    if (row.kind === 'yours') {
      // A key's line sits under its file's name, which has no swatch of its own.
      const { colour, label } = row.entry;
      const place = yourRowPlace(row.entry, x, textWidth);
      // A dot ringed white and grey, as the page's legend keys a reader's file.
      const dot = colour
        ? [
            element('circle', {
              cx: place.dot + 10,
              cy: y + 8,
              r: 6.5,
              fill: 'none',
              stroke: '#4a4a4a',
              'stroke-width': 1,
            }),
            element('circle', {
              cx: place.dot + 10,
              cy: y + 8,
              r: 5.5,
              fill: colour,
              stroke: '#ffffff',
              'stroke-width': 1,
            }),
          ]
        : [];
      return group({ class: 'legend-your-file' }, [
        ...dot,
        textLines(
          place.text,
          y + 1,
          [fitLine(label, FRAME_FONT.legend, place.width)],
          FRAME_FONT.legend,
          ROW,
          { fill: theme.annotationText },
        ),
      ]);
    }
    return reportRow(row.entry, x, y);
  });
  if (rows.length > 0) parts.push(group({ id: 'legend' }, rows));

  const bar = scaleBar(metresPerPixel(view.center[1], view.zoom));
  const right = width - PAD;
  const barY = footTop + PAD / 2 + 18;
  parts.push(
    group({ id: 'scale-bar' }, [
      element('path', {
        d: `M${num(right - bar.pixels)} ${num(barY - 4)}V${num(barY + 4)}H${num(right)}V${num(barY - 4)}`,
        fill: 'none',
        stroke: SCALE_INK,
        'stroke-width': 1.5,
      }),
      textLines(right - bar.pixels + 3, barY - 13, [bar.label], FRAME_FONT.scale, 12, {
        fill: theme.annotationText,
      }),
    ]),
  );

  const texts = [
    { id: 'credits-text', lines: wrapWords(frame.credits.join(' · '), FRAME_FONT.foot, inner) },
    ...(frame.note ? [{ id: 'note', lines: wrapWords(frame.note, FRAME_FONT.foot, inner) }] : []),
    ...(frame.permalink
      ? [{ id: 'permalink', lines: wrapWords(frame.permalink, FRAME_FONT.foot, inner) }]
      : []),
  ];
  const textTop = footTop + PAD / 2 + keyHeight + PAD / 2;
  let line = 0;
  parts.push(
    group(
      { id: 'credits', fill: theme.annotationText },
      texts.map(({ id, lines }) => {
        const out = textLines(PAD, textTop + line * 14, lines, FRAME_FONT.foot, 14, { id });
        line += lines.length;
        return out;
      }),
    ),
  );
  const bottom = textTop + line * 14 + PAD / 2 - footTop;
  const foot = element('rect', { id: 'foot', y: footTop, width, height: bottom, fill: theme.labelHalo });
  return { svg: group({ id: 'frame' }, [foot, ...parts]), top: band, bottom };
}
