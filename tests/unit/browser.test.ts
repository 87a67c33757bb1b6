import { describe, expect, it } from 'vitest';
import { findBrowser, INSTALL_HINT } from '../../scripts/browser.ts';

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH first', () => {
    expect(
      findBrowser({ CHROMIUM_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome' || p === '/usr/bin/chromium'),
    ).toBe('/opt/chrome');
  });
  it('fails loudly when CHROMIUM_PATH points nowhere', () => {
    expect(() => findBrowser({ CHROMIUM_PATH: '/nowhere' }, () => false)).toThrow(
      'CHROMIUM_PATH is set to /nowhere, which does not exist.',
    );
  });
  it('then a system Chromium', () => {
    expect(findBrowser({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });
  it('says how to install one when there is none', () => {
    expect(() => findBrowser({}, () => false)).toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toContain('apt-get install chromium');
  });
});
