import { escapeXml } from '../formats/xml.ts';
import { theme } from '../theme.ts';
import type { PictureFrame } from './frame.ts';
import type { Box } from './geometry.ts';
import type { PictureView } from './project.ts';
import { metresPerPixel, scaleBar } from './scale.ts';
import { type Font, textWidth, wrapWords } from './text.ts';
import { type Attributes, element, group, num } from './xml.ts';

/**
 * The SVG picture's frame, laid out as the PNG's (src/picture/png.ts): the title and date on a dark
 * band along the top; the legend, the scale bar, and the credits, note and link along the bottom.
 */

/** The frame's margins, its dark title band (the page header's colour) and its light panels. */
const PAD = 10;
const TITLE_BAND = '#1f2933';
const PANEL_OPACITY = 0.92;
const SCALE_INK = '#333333';

export interface FrameLayout {
  svg: string;
  /** What the map's labels must keep clear of. */
  obstacles: Box[];
}

const FRAME_FONT = {
  title: { size: 15, weight: 'bold' },
  asOf: { size: 13, weight: 'regular' },
  foot: { size: 11, weight: 'regular' },
  legend: { size: 12, weight: 'regular' },
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

/** The frame of a picture of `view`, and the boxes the map's labels must keep clear of. */
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

  const texts = [
    { id: 'credits-text', lines: wrapWords(frame.credits.join(' · '), FRAME_FONT.foot, inner) },
    ...(frame.note ? [{ id: 'note', lines: wrapWords(frame.note, FRAME_FONT.foot, inner) }] : []),
    ...(frame.permalink
      ? [{ id: 'permalink', lines: wrapWords(frame.permalink, FRAME_FONT.foot, inner) }]
      : []),
  ];
  const footLines = texts.reduce((n, t) => n + t.lines.length, 0);
  const footHeight = footLines * 14 + PAD;
  const footTop = height - footHeight;
  let line = 0;
  const creditsGroup = group({ id: 'credits', fill: theme.annotationText }, [
    element('rect', {
      y: footTop,
      width,
      height: footHeight,
      fill: theme.labelHalo,
      'fill-opacity': PANEL_OPACITY,
    }),
    ...texts.map(({ id, lines }) => {
      const out = textLines(PAD, footTop + PAD / 2 + line * 14, lines, FRAME_FONT.foot, 14, { id });
      line += lines.length;
      return out;
    }),
  ]);
  const obstacles: Box[] = [
    [0, 0, width, band],
    [0, footTop, width, height],
  ];

  const parts = [titleGroup];
  if (frame.legend.length > 0) {
    const rowHeight = 18;
    const boxWidth =
      28 + Math.max(...frame.legend.map((e) => textWidth(e.name, FRAME_FONT.legend))) + 2 * PAD;
    const boxHeight = frame.legend.length * rowHeight + PAD;
    const top = footTop - boxHeight - PAD;
    const rows = frame.legend.map((entry, i) => {
      const y = top + PAD / 2 + i * rowHeight;
      const x = 2 * PAD;
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
        textLines(x + 28, y + 1, [entry.name], FRAME_FONT.legend, rowHeight, { fill: theme.annotationText }),
      ]);
    });
    parts.push(
      group({ id: 'legend' }, [
        element('rect', {
          x: PAD,
          y: top,
          width: boxWidth,
          height: boxHeight,
          fill: theme.labelHalo,
          'fill-opacity': PANEL_OPACITY,
        }),
        ...rows,
      ]),
    );
    obstacles.push([PAD, top, PAD + boxWidth, top + boxHeight]);
  }

  const bar = scaleBar(metresPerPixel(view.center[1], view.zoom));
  const right = width - PAD;
  const barY = footTop - PAD - 6;
  const barBox: Box = [right - bar.pixels - 6, barY - 16, right + 6, barY + 8];
  parts.push(
    group({ id: 'scale-bar' }, [
      element('rect', {
        x: barBox[0],
        y: barBox[1],
        width: barBox[2] - barBox[0],
        height: barBox[3] - barBox[1],
        fill: theme.labelHalo,
        'fill-opacity': PANEL_OPACITY,
      }),
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
  obstacles.push(barBox);
  parts.push(creditsGroup);
  return { svg: group({ id: 'frame' }, parts), obstacles };
}
