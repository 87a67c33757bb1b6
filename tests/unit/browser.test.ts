import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, INSTALL_HINT } from '../../scripts/browser.ts';
import { ENGINES_HINT, findEngineProgram } from '../../scripts/engines/find.ts';
import { serveStatic } from '../../scripts/server.ts';

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
    expect(INSTALL_HINT).toContain('npm run setup:test');
  });
});

describe('findEngineProgram', () => {
  it('takes the environment variable first', () => {
    expect(findEngineProgram('firefox', { FIREFOX_PATH: '/opt/ff' }, (p) => p === '/opt/ff')).toBe('/opt/ff');
  });
  it('then the Debian package', () => {
    expect(findEngineProgram('firefox', {}, (p) => p === '/usr/bin/firefox-esr')).toBe(
      '/usr/bin/firefox-esr',
    );
    expect(findEngineProgram('webkitDriver', {}, (p) => p === '/usr/bin/WebKitWebDriver')).toBe(
      '/usr/bin/WebKitWebDriver',
    );
    const miniBrowser = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
    expect(findEngineProgram('miniBrowser', {}, (p) => p === miniBrowser)).toBe(miniBrowser);
    expect(findEngineProgram('xvfb', {}, (p) => p === '/usr/bin/Xvfb')).toBe('/usr/bin/Xvfb');
  });
  it('fails in one line that says how to install them', () => {
    for (const program of ['firefox', 'webkitDriver', 'miniBrowser', 'xvfb'] as const) {
      expect(() => findEngineProgram(program, {}, () => false)).toThrow(ENGINES_HINT);
    }
    expect(ENGINES_HINT).toContain(
      'firefox-esr, webkit2gtk-driver and xvfb (Debian/Ubuntu: `npm run setup:test`)',
    );
    expect(ENGINES_HINT).not.toContain('\n');
    expect(() => findEngineProgram('xvfb', { XVFB_PATH: '/nowhere' }, () => false)).toThrow(
      'XVFB_PATH is set to /nowhere, which does not exist.',
    );
  });
});

describe('serveStatic with a probe', () => {
  it("runs the probe first in the page, after the page's own policy, and serves it from the page's origin", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'probe-'));
    writeFileSync(
      join(dir, 'index.html'),
      '<head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'"><script src="app.js"></script>',
    );
    const server = await serveStatic(dir, '/sub/', { probe: 'window.probed = 1;' });
    try {
      const html = await (await fetch(server.url)).text();
      expect(html).toBe(
        '<head><meta http-equiv="Content-Security-Policy" content="script-src \'self\'">' +
          '<script src="/sub/__probe.js"></script><script src="app.js"></script>',
      );
      const probe = await fetch(`${server.url}__probe.js`);
      expect(probe.headers.get('content-type')).toBe('text/javascript');
      expect(await probe.text()).toBe('window.probed = 1;');
      const plain = await serveStatic(dir, '/');
      expect(await (await fetch(plain.url)).text()).not.toContain('__probe');
      expect((await fetch(`${plain.url}__probe.js`)).status).toBe(404);
      await plain.close();
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
