/** One short line in the page for anything that goes wrong, and one console entry for it. */
export function showMessage(text: string): void {
  const line = text.replace(/\s+/g, ' ').trim();
  console.error(line);
  const region = document.getElementById('messages');
  if (!region) return;
  const item = document.createElement('p');
  item.textContent = line;
  region.append(item);
}
