import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../scripts/io.ts';

/** Runs `npm run export` into a new temporary folder and returns it: what the page's downloads must equal. */
export function cliExport(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-export-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/export.ts', dir], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return dir;
}
