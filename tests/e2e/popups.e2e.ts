import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { PHONE, withMap } from '../../scripts/app-page.ts';
import { clickAt, freshPagePerTest, layerFile, popupText } from './helpers.ts';

const open = freshPagePerTest();

describe('popups', () => {
  const route = layerFile('transit-flows').features[0]?.geometry as LineString;
  const routeMiddle = route.coordinates[Math.floor(route.coordinates.length / 2)] as [number, number];
  const cases = [
    {
      layer: 'transit-flows',
      at: routeMiddle,
      zoom: 6,
      id: 'route-1-col-gtm',
      title: 'Cocaine route: Colombia to Guatemala',
    },
    {
      layer: 'alta-verapaz',
      at: [-90.37, 15.47] as [number, number],
      zoom: 8,
      id: 'GT-AV',
      title: 'Alta Verapaz',
    },
    {
      layer: 'militarised-policing',
      at: [-86.6, 14.7] as [number, number],
      zoom: 6,
      id: 'HND',
      title: 'Honduras',
    },
  ];
  for (const c of cases) {
    it(`clicking ${c.id} (${c.layer}) opens one popup with its name, every excerpt and the source`, async () => {
      const page = await open();
      await clickAt(page, c.at, c.zoom);
      await page.locator('.maplibregl-popup').waitFor();
      await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(1);
      const text = (await popupText(page)) ?? '';
      const properties = layerFile(c.layer).features.find((f) => f.id === c.id)?.properties ?? {};
      const excerpts = Object.entries(properties).filter(
        (entry): entry is [string, string] => entry[0].startsWith('excerpt') && typeof entry[1] === 'string',
      );
      expect(excerpts.length, `excerpts of ${c.id} in its layer file`).toBeGreaterThan(0);
      expect(text).toContain(c.title);
      for (const [, excerpt] of excerpts) expect(text).toContain(excerpt);
      expect(text).toContain('BBC News, 15 January 2012');
      if (c.layer === 'transit-flows') expect(text).toContain('Schematic');
      expect(page.url()).toContain(`feature=${c.id}`);
    });
  }

  it('shows markup in the data as text in popups and the text list, and never runs it', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const page = await open({
      beforeGoto: (p) =>
        p.route(/alta-verapaz-[^/]*\.geojson$/, async (route) => {
          const body = JSON.parse(await (await route.fetch()).text());
          body.features[0].properties.name = hostile;
          body.features[0].properties.excerpt = `<script>window.__pwned=2</script>`;
          await route.fulfill({ body: JSON.stringify(body), contentType: 'application/geo+json' });
        }),
    });
    await clickAt(page, [-90.37, 15.47], 8);
    await page.locator('.maplibregl-popup').waitFor();
    expect(await popupText(page)).toContain(hostile);
    expect(await popupText(page)).toContain('<script>window.__pwned=2</script>');
    expect(await page.locator('.text-list').textContent()).toContain(hostile);
    expect(
      await page.locator('.maplibregl-popup img, .text-list img, .maplibregl-popup script').count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('turns the cursor into a pointer over a feature', async () => {
    const page = await open();
    const canvas = await withMap(page, async (map) => {
      map.jumpTo({ center: [-90.37, 15.47], zoom: 8 });
      await new Promise((resolve) => map.once('idle', resolve));
      return map.getCanvas().getBoundingClientRect().toJSON() as DOMRect;
    });
    await page.mouse.move(canvas.left + canvas.width / 2, canvas.top + canvas.height / 2);
    await page.waitForFunction(() => document.querySelector('canvas')?.style.cursor === 'pointer');
  });

  it('fits inside the viewport on a phone', async () => {
    const page = await open(PHONE);
    await page.locator('.text-list__show', { hasText: 'Alta Verapaz' }).click();
    const popup = page.locator('.maplibregl-popup-content');
    await popup.waitFor();
    const box = await popup.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(375);
    expect(box?.height ?? 999).toBeLessThanOrEqual(667);
  });
});
