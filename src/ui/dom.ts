/** A tiny element builder: text goes in through textContent only, never as markup. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children)
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

/** A menu's button: its full title, or a short one where the map's controls share one row (controls.css). */
export const menuSummary = (title: string, short: string): HTMLElement =>
  el(
    'summary',
    {},
    el('span', { class: 'menu__title' }, title),
    // Its name to a screen reader stays the full title (controls.css hides it only from sight).
    el('span', { class: 'menu__short', 'aria-hidden': 'true' }, short),
  );
