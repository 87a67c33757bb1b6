import { describe, expect, it } from 'vitest';
import { waitForMap, withMap } from '../../scripts/app-page.ts';
import { freshPagePerTest, groupVisibility, LAYERS, popupText } from './helpers.ts';

const open = freshPagePerTest();

describe('permalinks', () => {
  it('restore the view, a hidden layer and the open feature', async () => {
    const page = await open({ hash: '#5.5/17.5/-98.5&layers=alta-verapaz,militarised-policing&feature=MEX' });
    const view = await withMap(page, (map) => ({ zoom: map.getZoom(), ...map.getCenter() }));
    expect(view.zoom).toBeCloseTo(5.5, 5);
    expect(view.lat).toBeCloseTo(17.5, 3);
    expect(view.lng).toBeCloseTo(-98.5, 3);
    expect(new Set(await groupVisibility(page, 'transit-flows'))).toEqual(new Set(['none']));
    await expect(page.getByRole('checkbox', { name: 'Transit flows' }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: 'Alta Verapaz' }).isChecked()).resolves.toBe(true);
    await page.locator('.maplibregl-popup').waitFor();
    expect(await popupText(page)).toContain('Mexico');
    expect(await popupText(page)).toContain('deployed by President Felipe Calderon in December 2006');
  });

  it('follow a hash edited in the address bar: view and layers at once', async () => {
    const page = await open();
    await page.evaluate(() => {
      window.location.hash = '#6/15.5/-90.3&layers=alta-verapaz';
    });
    await waitForMap(page, ([map]) => Math.abs(map.getZoom() - 6) < 1e-6);
    expect(new Set(await groupVisibility(page, 'transit-flows'))).toEqual(new Set(['none']));
    expect(new Set(await groupVisibility(page, 'militarised-policing'))).toEqual(new Set(['none']));
    expect(new Set(await groupVisibility(page, 'alta-verapaz'))).toEqual(new Set(['visible']));
    await expect(page.getByRole('checkbox', { name: 'Transit flows' }).isChecked()).resolves.toBe(false);
    expect(page.url()).toContain('layers=alta-verapaz');
  });

  it('ignore what does not parse and fall back to the default', async () => {
    const page = await open({ hash: '#abc/def/ghi&layers=nope&feature=nothing-here' });
    const zoom = await withMap(page, (map) => map.getZoom());
    expect(zoom).toBeGreaterThan(2);
    expect(zoom).toBeLessThan(5);
    for (const layer of LAYERS)
      expect(new Set(await groupVisibility(page, layer.id))).toEqual(new Set(['visible']));
    await expect(page.locator('.maplibregl-popup').count()).resolves.toBe(0);
  });
});
