import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontconfigXml, TEST_FONTS } from '../../scripts/fonts.ts';
import { ROOT } from '../../scripts/io.ts';
import { missingReport, NEEDS, packagesFor, SETUP_COMMAND, systemOf } from '../../scripts/test-needs.ts';

describe('systemOf', () => {
  it('tells Debian, Ubuntu and their derivatives from the rest', () => {
    expect(systemOf('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toBe('debian');
    expect(systemOf('ID=ubuntu\nID_LIKE=debian\n')).toBe('ubuntu');
    expect(systemOf('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe('ubuntu');
    expect(systemOf('ID=raspbian\nID_LIKE=debian\n')).toBe('debian');
    expect(systemOf('ID=fedora\n')).toBe('other');
    expect(systemOf('ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n')).toBe('other');
  });
});

describe('the list of needs', () => {
  it('covers every program the suites drive, both test fonts and QGIS', () => {
    const whats = NEEDS.map((need) => need.what);
    for (const what of ['Chromium', 'Firefox', 'Xvfb', ...TEST_FONTS.map((f) => `the font ${f}`)])
      expect(whats).toContain(what);
    expect(NEEDS.filter((need) => need.suite === 'qgis').flatMap((need) => need.debian)).toEqual([
      'qgis',
      'python3-qgis',
      'qgis-providers',
    ]);
  });
  it("names Ubuntu's packages where they differ from Debian's", () => {
    const firefox = NEEDS.find((need) => need.what === 'Firefox');
    expect(firefox && packagesFor(firefox, 'debian')).toEqual(['firefox-esr']);
    expect(firefox && packagesFor(firefox, 'ubuntu')).toEqual(['firefox']);
  });
});

describe('missingReport', () => {
  const [chromium, firefox] = NEEDS;
  if (!chromium || !firefox) throw new Error('no needs');
  it('names every missing program with its package and the setup command, on Debian', () => {
    const text = missingReport([chromium, firefox], 'debian');
    expect(text).toContain('Chromium, for the browser tests (tests/e2e/) (chromium)');
    expect(text).toContain('Firefox, for the Firefox and WebKit tests (tests/engines/) (firefox-esr)');
    expect(text.split('\n').at(-1)).toBe(`Install them all with: ${SETUP_COMMAND}`);
  });
  it('says how to get each elsewhere, without package names', () => {
    const text = missingReport([chromium], 'other');
    expect(text).toContain('npx playwright install chromium');
    expect(text).not.toContain('(chromium)');
  });
});

describe('fontconfigXml', () => {
  it("keeps the system's configuration and puts the font first for sans-serif and system-ui", () => {
    const xml = fontconfigXml('Noto Sans');
    expect(xml).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
    for (const family of ['sans-serif', 'system-ui'])
      expect(xml).toContain(`<test qual="any" name="family"><string>${family}</string></test>`);
    expect(xml.match(/<string>Noto Sans<\/string>/g)?.length).toBe(3);
  });
});

describe('npm test on a machine that lacks programs', () => {
  it('names all of them at once, with the setup command, and runs nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
    // A fontconfig that knows no font, so both test fonts are missing too.
    const fonts = join(dir, 'fonts.conf');
    writeFileSync(fonts, '<?xml version="1.0"?>\n<fontconfig><dir>/nonexistent</dir></fontconfig>\n');
    try {
      const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/test.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          CHROMIUM_PATH: '/nowhere/chromium',
          FIREFOX_PATH: '/nowhere/firefox',
          FONTCONFIG_FILE: fonts,
        },
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toBe('Missing what the tests need:');
      expect(lines.slice(1, -1).map((line) => line.replace(/,.*/, '').trim())).toEqual([
        '- Chromium',
        '- Firefox',
        '- the font DejaVu Sans',
        '- the font Noto Sans',
      ]);
      expect(lines.at(-1)).toContain(SETUP_COMMAND);
      // Stopped before its first step: nothing was type-checked, linted or built.
      expect(result.stdout).not.toMatch(/typecheck|lint|build/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Seconds here; the slack is for a loaded machine (the unit tests run beside the builds).
  }, 30_000);
  it('is the command the README and CI run', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('tsx scripts/test.ts');
    expect(pkg.scripts['setup:test']).toBe('tsx scripts/setup-test.ts');
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/npm run setup:test\nnpm test\n/);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('npm run setup:test && npm test');
  });
});
