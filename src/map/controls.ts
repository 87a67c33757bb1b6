import type { IControl } from 'maplibre-gl';

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
