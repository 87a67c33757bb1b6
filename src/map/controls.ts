import type { IControl, Map as MapLibreMap } from 'maplibre-gl';

/** A MapLibre control around an element built elsewhere (legend, export menu). */
export class ElementControl implements IControl {
  constructor(private readonly element: HTMLElement) {}

  onAdd(): HTMLElement {
    const container = document.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group panel-control';
    container.append(this.element);
    return container;
  }

  onRemove(): void {
    this.element.parentElement?.remove();
  }
}

/**
 * A MapLibre control drawn outside the map, in `place` (the scale bar and the credits, under the
 * map): over it they would hide the labels beneath them, and MapLibre cannot place labels round them.
 */
export class OutsideControl implements IControl {
  constructor(
    private readonly inner: IControl,
    private readonly place: HTMLElement,
  ) {}

  onAdd(map: MapLibreMap): HTMLElement {
    this.place.append(this.inner.onAdd(map));
    // MapLibre puts what onAdd returns in a corner of the map: an empty element, so nothing shows.
    return document.createElement('span');
  }

  onRemove(map: MapLibreMap): void {
    this.inner.onRemove(map);
  }
}
