/**
 * npm run setup:test
 * Installs what the test suites need (scripts/test-needs.ts) on Debian or Ubuntu, through sudo unless
 * run as root, then checks each program and says what it did. Elsewhere it changes nothing and prints
 * what to install.
 */
import { spawnSync } from 'node:child_process';
import { missingReport, NEEDS, type Need, packagesFor, thisSystem } from './test-needs.ts';

const system = thisSystem();
const missing = NEEDS.filter((need) => !need.find());

function report(needs: readonly Need[]): Need[] {
  const still: Need[] = [];
  for (const need of needs) {
    const where = need.find();
    if (!where) still.push(need);
    console.log(`${where ? 'ok     ' : 'MISSING'} ${need.what}: ${where || 'not found'}`);
  }
  return still;
}

if (missing.length === 0) {
  report(NEEDS);
  console.log('setup:test: everything the tests need is installed; nothing to do.');
  process.exit(0);
}

if (system === 'other') {
  console.log(
    `setup:test installs packages on Debian and Ubuntu only, and changed nothing here.\n${missingReport(missing, system)}`,
  );
  const forTest = missing.filter((need) => need.suite === 'test');
  console.log(
    forTest.length > 0
      ? 'Until they are installed, `npm test` stops at its first step, naming what is missing.'
      : 'npm test has what it needs; only `npm run test:qgis` will stop, naming QGIS.',
  );
  process.exit(forTest.length > 0 ? 1 : 0);
}

const packages = [...new Set(missing.flatMap((need) => packagesFor(need, system)))];
const asRoot = process.getuid?.() === 0;
const run = (args: string[]) => {
  const command = asRoot ? args : ['sudo', ...args];
  console.log(`setup:test: ${command.join(' ')}`);
  const result = spawnSync(command[0] ?? '', command.slice(1), { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(
      `setup:test: \`${command.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}).`,
    );
    process.exit(1);
  }
};
const apt = ['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
run([...apt, 'update', '-q']);
run([...apt, 'install', '-y', '-q', ...packages]);

console.log(`setup:test: installed ${packages.join(' ')}. Checking each:`);
const still = report(NEEDS);
if (still.length > 0) {
  console.error(`setup:test: installed, but still missing:\n${missingReport(still, system)}`);
  process.exit(1);
}
console.log('setup:test: done; run `npm test`.');
