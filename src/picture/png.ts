import { legendRows, legendTextWidth, type PictureFrame, yourRowPlace } from './frame.ts';
import { scaleBar } from './scale.ts';

export interface PngInput {
  /** The map as drawn, at `scale` device pixels per CSS pixel. */
  map: HTMLCanvasElement;
  scale: number;
  frame: PictureFrame;
  /** Metres per CSS pixel at the view's centre, for the scale bar. */
  metresPerPx: number;
  /** The sea: the map's canvas is transparent there, the page's background showing through. */
  sea: string;
}

const FONT = 'system-ui, sans-serif';
const PAD = 10;
const ROW = 18;

/** Lines of `text` no wider than `width` at the context's font. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && context.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` cut to one line no wider than `width`, ended with "…" where cut (src/picture/text.ts fitLine). */
function fitCanvas(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  const chars = Array.from(text);
  let n = chars.length - 1;
  while (n > 1 && context.measureText(`${chars.slice(0, n).join('')}\u2026`).width > width) n -= 1;
  return `${chars.slice(0, n).join('').trimEnd()}\u2026`;
}

/**
 * The picture a reader saves: its title and date on a band above the map as drawn, then, below it,
 * a legend of the layers shown, a scale bar, the credits, the schematic note and the link. Neither
 * band covers the map: the picture is taller than the view by their height. Everything is drawn in
 * CSS pixels on a canvas scaled to the map's device pixels.
 */
export function composePng({ map, scale, frame, metresPerPx, sea }: PngInput): HTMLCanvasElement {
  const width = map.width / scale;
  const height = map.height / scale;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('This browser cannot draw the picture (no 2D canvas)');
  measure.font = `600 15px ${FONT}`;
  const title = wrap(measure, frame.title, width - 2 * PAD);
  const band = PAD + title.length * 19 + 18 + PAD / 2;
  measure.font = `11px ${FONT}`;
  const foot = [frame.credits.join(' · '), ...(frame.note ? [frame.note] : []), frame.permalink].flatMap(
    (text) => wrap(measure, text, width - 2 * PAD),
  );
  const legend = legendRows(frame);
  const keyHeight = Math.max(legend.length * ROW, 24);
  const footHeight = PAD / 2 + keyHeight + PAD / 2 + foot.length * 14 + PAD / 2;

  const canvas = document.createElement('canvas');
  canvas.width = map.width;
  canvas.height = Math.round((band + height + footHeight) * scale);
  const c = canvas.getContext('2d');
  if (!c) throw new Error('This browser cannot draw the picture (no 2D canvas)');
  c.scale(scale, scale);
  c.textBaseline = 'top';

  // Title and date, on a band above the map.
  c.fillStyle = '#1f2933';
  c.fillRect(0, 0, width, band);
  c.fillStyle = '#ffffff';
  c.font = `600 15px ${FONT}`;
  for (const [i, line] of title.entries()) c.fillText(line, PAD, PAD + i * 19);
  c.font = `13px ${FONT}`;
  c.fillText(frame.asOf, PAD, PAD + title.length * 19 + 2);

  // The map as drawn, on its sea (the canvas is transparent there).
  c.fillStyle = sea;
  c.fillRect(0, band, width, height);
  c.drawImage(map, 0, band, width, height);

  // Below the map: the legend on the left and the scale bar on the right, then the credits.
  const footTop = band + height;
  c.fillStyle = '#ffffff';
  c.fillRect(0, footTop, width, footHeight);
  c.font = `12px ${FONT}`;
  const textWidth = legendTextWidth(width);
  legend.forEach((row, i) => {
    const y = footTop + PAD / 2 + i * ROW;
    const x = PAD;
    if (row.kind === 'heading') {
      c.font = `600 12px ${FONT}`;
      c.fillStyle = '#1a1a1a';
      c.fillText(fitCanvas(c, row.text, width - 2 * PAD), x, y + 2);
      c.font = `12px ${FONT}`;
      return;
    }
    if (row.kind === 'yours') {
      // A key's line sits under its file's name, which has no swatch of its own.
      const { colour, label } = row.entry;
      const place = yourRowPlace(row.entry, x, textWidth);
      if (colour) {
        // A dot ringed white and grey, as the page's legend keys a reader's file.
        c.beginPath();
        c.arc(place.dot + 10, y + 8, 6.5, 0, 2 * Math.PI);
        c.fillStyle = '#4a4a4a';
        c.fill();
        c.beginPath();
        c.arc(place.dot + 10, y + 8, 5.5, 0, 2 * Math.PI);
        c.fillStyle = '#ffffff';
        c.fill();
        c.beginPath();
        c.arc(place.dot + 10, y + 8, 4.5, 0, 2 * Math.PI);
        c.fillStyle = colour;
        c.fill();
      }
      c.fillStyle = '#1a1a1a';
      c.fillText(fitCanvas(c, label, place.width), place.text, y + 2);
      return;
    }
    const { entry } = row;
    if (entry.swatch.kind === 'area') {
      c.fillStyle = entry.swatch.fill;
      c.fillRect(x, y + 2, 20, 12);
      c.strokeStyle = entry.swatch.outline;
      c.lineWidth = 2;
      c.strokeRect(x + 1, y + 3, 18, 10);
    } else {
      entry.swatch.colours.forEach((colour, j) => {
        c.fillStyle = colour;
        c.fillRect(x, y + 4 + j * 6, 20, 3);
      });
    }
    c.fillStyle = '#1a1a1a';
    c.fillText(entry.name, x + 28, y + 2);
  });

  const bar = scaleBar(metresPerPx);
  const barRight = width - PAD;
  const barY = footTop + PAD / 2 + 18;
  c.strokeStyle = '#333';
  c.lineWidth = 1.5;
  c.beginPath();
  c.moveTo(barRight - bar.pixels, barY - 4);
  c.lineTo(barRight - bar.pixels, barY + 4);
  c.lineTo(barRight, barY + 4);
  c.lineTo(barRight, barY - 4);
  c.stroke();
  c.fillStyle = '#1a1a1a';
  c.font = `10px ${FONT}`;
  c.fillText(bar.label, barRight - bar.pixels + 3, barY - 13);

  c.font = `11px ${FONT}`;
  const textTop = footTop + PAD / 2 + keyHeight + PAD / 2;
  for (const [i, line] of foot.entries()) c.fillText(line, PAD, textTop + i * 14);
  return canvas;
}

export function pngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be encoded'))),
      'image/png',
    ),
  );
}
