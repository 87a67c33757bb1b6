import type { PictureFrame } from './frame.ts';
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

/**
 * The picture a reader saves: the map as drawn, with its title and date along the top, a legend of
 * the layers shown, a scale bar, the credits, the schematic note and the link along the bottom.
 * Everything is drawn in CSS pixels on a canvas scaled to the map's device pixels.
 */
export function composePng({ map, scale, frame, metresPerPx, sea }: PngInput): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = map.width;
  canvas.height = map.height;
  const c = canvas.getContext('2d');
  if (!c) throw new Error('This browser cannot draw the picture (no 2D canvas)');
  const width = map.width / scale;
  const height = map.height / scale;
  c.fillStyle = sea;
  c.fillRect(0, 0, canvas.width, canvas.height);
  c.drawImage(map, 0, 0);
  c.scale(scale, scale);
  c.textBaseline = 'top';

  // Title and date, on a band across the top.
  c.font = `600 15px ${FONT}`;
  const title = wrap(c, frame.title, width - 2 * PAD);
  const band = PAD + title.length * 19 + 18 + PAD / 2;
  c.fillStyle = '#1f2933';
  c.fillRect(0, 0, width, band);
  c.fillStyle = '#ffffff';
  for (const [i, line] of title.entries()) c.fillText(line, PAD, PAD + i * 19);
  c.font = `13px ${FONT}`;
  c.fillText(frame.asOf, PAD, PAD + title.length * 19 + 2);

  // Credits, note and link, on a band along the bottom.
  c.font = `11px ${FONT}`;
  const foot = [frame.credits.join(' · '), ...(frame.note ? [frame.note] : []), frame.permalink].flatMap(
    (text) => wrap(c, text, width - 2 * PAD),
  );
  const footHeight = foot.length * 14 + PAD;
  const footTop = height - footHeight;
  c.fillStyle = 'rgba(255, 255, 255, 0.92)';
  c.fillRect(0, footTop, width, footHeight);
  c.fillStyle = '#1a1a1a';
  for (const [i, line] of foot.entries()) c.fillText(line, PAD, footTop + PAD / 2 + i * 14);

  // The legend of the layers shown, above the bottom band on the left.
  if (frame.legend.length > 0) {
    c.font = `12px ${FONT}`;
    const rowHeight = 18;
    const boxWidth = 28 + Math.max(...frame.legend.map((e) => c.measureText(e.name).width)) + 2 * PAD;
    const boxHeight = frame.legend.length * rowHeight + PAD;
    const top = footTop - boxHeight - PAD;
    c.fillStyle = 'rgba(255, 255, 255, 0.92)';
    c.fillRect(PAD, top, boxWidth, boxHeight);
    frame.legend.forEach((entry, i) => {
      const y = top + PAD / 2 + i * rowHeight;
      const x = 2 * PAD;
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
  }

  // The scale bar, above the bottom band on the right.
  const bar = scaleBar(metresPerPx);
  const barRight = width - PAD;
  const barY = footTop - PAD - 6;
  c.fillStyle = 'rgba(255, 255, 255, 0.92)';
  c.fillRect(barRight - bar.pixels - 6, barY - 16, bar.pixels + 12, 24);
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
