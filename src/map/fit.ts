import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import { DEFAULT_BOUNDS } from '../data/default-view.ts';

/** Room kept between the corridor and the controls or the map's edge. */
const MARGIN = 10;

/** What covers the map: its controls, and a menu that opens over it from a row of buttons. */
const OVER_THE_MAP = '.maplibregl-ctrl, .panel-control details[open] > .menu__body';

const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right']
  .map((corner) => `.maplibregl-ctrl-${corner}`)
  .join(', ');

/** The share of the map under its controls, counted on a grid of 8-px cells so overlaps count once. */
export function controlShare(container: HTMLElement): number {
  const map = container.getBoundingClientRect();
  const boxes = [...container.querySelectorAll(OVER_THE_MAP)]
    .map((element) => element.getBoundingClientRect())
    .filter((box) => box.width > 0 && box.height > 0);
  let covered = 0;
  let cells = 0;
  for (let y = map.top + 4; y < map.bottom; y += 8)
    for (let x = map.left + 4; x < map.right; x += 8) {
      cells++;
      if (boxes.some((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) covered++;
    }
  return cells === 0 ? 0 : covered / cells;
}

/**
 * The map's edges that its controls take: each corner's controls pad the side, above or below them or
 * beside them, that leaves more of the map free.
 */
export function controlPadding(container: HTMLElement): PaddingOptions {
  const map = container.getBoundingClientRect();
  const padding = { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN };
  for (const corner of container.querySelectorAll<HTMLElement>(CORNERS)) {
    const box = corner.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Which edges the corner is at, from where it is: page.css moves some on small screens.
    const top = box.top - map.top <= map.bottom - box.bottom;
    const left = box.left - map.left <= map.right - box.right;
    const vertical = top ? box.bottom - map.top : map.bottom - box.top;
    const horizontal = left ? box.right - map.left : map.right - box.left;
    if (vertical / map.height <= horizontal / map.width) {
      const side = top ? 'top' : 'bottom';
      padding[side] = Math.max(padding[side], vertical + MARGIN);
    } else {
      const side = left ? 'left' : 'right';
      padding[side] = Math.max(padding[side], horizontal + MARGIN);
    }
  }
  return padding;
}

/** The default view, fitted to the part of the map its controls leave free. */
export function fitDefaultView(map: MapLibreMap): void {
  const camera = map.cameraForBounds(DEFAULT_BOUNDS, { padding: controlPadding(map.getContainer()) });
  if (camera) map.jumpTo(camera);
}

/**
 * Where the menus' buttons share a row (controls.css), a menu opening closes the others: each opens
 * in the same place under the row. In a column, the column scrolls to show as much of the opened menu
 * as fits, its button first: one at the foot of the column would otherwise open out of view. Returns
 * what removes the listener.
 */
export function oneMenuAtATime(container: HTMLElement): () => void {
  const corner = container.querySelector<HTMLElement>('.maplibregl-ctrl-top-left');
  if (!corner) return () => {};
  // A details element's toggle does not bubble: caught on its way down.
  const onToggle = (event: Event) => {
    const opened = event.target;
    if (!(opened instanceof HTMLDetailsElement) || !opened.open) return;
    // A menu's own folds (the embed code in the share menu) are not menus.
    if (!opened.parentElement?.classList.contains('panel-control')) return;
    if (getComputedStyle(corner).display !== 'flex') {
      const box = corner.getBoundingClientRect();
      const menu = opened.getBoundingClientRect();
      // Down by what runs below the column's foot, but never so far that the button goes above it.
      const by = Math.min(menu.bottom - box.bottom, menu.top - box.top);
      if (by > 0) corner.scrollTop += by;
      return;
    }
    for (const other of corner.querySelectorAll<HTMLDetailsElement>('.panel-control > details[open]'))
      if (other !== opened) other.open = false;
  };
  corner.addEventListener('toggle', onToggle, true);
  return () => corner.removeEventListener('toggle', onToggle, true);
}
