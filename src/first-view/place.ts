import { DEFAULT_BOUNDS } from '../data/default-view.ts';
import {
  fitBounds,
  mercatorX,
  mercatorY,
  type Padding,
  type PictureView,
  projector,
  worldSize,
} from '../picture/project.ts';

/**
 * The picture a first visit shows in the map's place while MapLibre loads (public/first-view*.webp,
 * `npm run picture`): the default view's shapes, without words, over an extent wide enough for the
 * default view on any common screen, drawn at one zoom and scaled to the view's. A page under 700 px
 * wide, a phone's, whose default view is at zoom 2.2 to 2.5, gets it in half the pixels.
 */
export const FIRST_VIEW = {
  files: { narrow: 'first-view-narrow.webp', wide: 'first-view.webp' },
  /** The narrow picture's size against the wide one's: drawn at zoom 2.5. */
  narrowScale: Math.SQRT1_2,
  /** The zoom it is drawn at: the default view's on a laptop's map. */
  zoom: 3,
  /** [[west, south], [east, north]]: a tall phone's or a wide desktop's default view fits in it. */
  bounds: [
    [-165, -40],
    [-40, 60],
  ],
} as const;

/** Where a map is, in CSS pixels: its corners' places in the view. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const [[WEST, SOUTH], [EAST, NORTH]] = FIRST_VIEW.bounds;

/** The picture's size in pixels at the zoom it is drawn at. */
export const FIRST_VIEW_SIZE = {
  width: (mercatorX(EAST) - mercatorX(WEST)) * worldSize(FIRST_VIEW.zoom),
  height: (mercatorY(SOUTH) - mercatorY(NORTH)) * worldSize(FIRST_VIEW.zoom),
};

/** The picture for a page `width` CSS pixels wide. */
export const pictureFile = (width: number): string =>
  width < 700 ? FIRST_VIEW.files.narrow : FIRST_VIEW.files.wide;

/** The picture's box in a view, from where the view puts its north-west and south-east corners. */
export function pictureBox(project: (lngLat: [number, number]) => [number, number]): Box {
  const [left, top] = project([WEST, NORTH]);
  const [right, bottom] = project([EAST, SOUTH]);
  return { left, top, right, bottom };
}

/** Whether the picture fills a map of `width` × `height` at `box`: otherwise it is not shown. */
export const covers = (box: Box, width: number, height: number): boolean =>
  box.left <= 0 && box.top <= 0 && box.right >= width && box.bottom >= height;

/** Puts the picture at `box` (set through the CSSOM: the page's policy refuses style attributes). */
export function place(picture: HTMLElement, { left, top, right, bottom }: Box): void {
  picture.style.left = `${left}px`;
  picture.style.top = `${top}px`;
  picture.style.width = `${right - left}px`;
  picture.style.height = `${bottom - top}px`;
}

/** The most of the map its controls may cover when it opens: past it, the legend starts folded. */
export const MAX_CONTROL_SHARE = 1 / 3;
/** MapLibre's buttons in the top-right corner: 29 px wide, 126 px of them, a 10-px margin. */
const BUTTONS = { width: 29, height: 126, margin: 10 };

/** controls.css's media query for a narrow or short map, whose controls go in rows (a unit test reads it there). */
export const ROWS_QUERY = '(max-width: 699px), (max-height: 699px)';

/**
 * Where the map's controls will be (src/ui/controls.css, src/map/fit.ts), before they exist. On a
 * narrow or short page, the menus' row across the top and the buttons' row along the bottom; on a
 * wide one, the map's buttons on the right and the legend's column (15rem) on the left, or, where
 * that column would cover more than a third of the map and the legend starts folded, its three
 * buttons (8rem) across the top. The map fits its default view to the real controls once they are in
 * and the picture follows it then.
 */
export function expectedPadding(width: number, height: number, narrow: boolean, rem: number): Padding {
  const margin = BUTTONS.margin;
  if (narrow) return { top: Math.round(2.45 * rem) + margin, bottom: 47, left: margin, right: margin };
  const column = 15 * rem;
  const right = BUTTONS.width + 2 * margin;
  const share = (column * (height - 4 * rem) + BUTTONS.width * BUTTONS.height) / (width * height);
  return share > MAX_CONTROL_SHARE
    ? { top: 8 * rem + margin, bottom: margin, left: margin, right }
    : { top: margin, bottom: margin, left: column + 2 * margin, right };
}

/** The default view of a map of `width` × `height` with the controls expected at `padding`. */
export const expectedView = (width: number, height: number, padding: Padding): PictureView =>
  fitBounds(DEFAULT_BOUNDS, padding, width, height);

export const boxInView = (view: PictureView): Box => pictureBox(projector(view));
