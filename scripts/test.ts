/**
 * npm test
 * Checks that every program and font the suites need is here (scripts/test-needs.ts), and when any is
 * missing names them all and stops, in seconds. Then runs every suite in stages, each stage's parts side
 * by side: what needs no browser beside the two builds; then Chromium's suite, on those builds, beside
 * QGIS; then Firefox and WebKit. The first failure stops the rest.
 */
import concurrently, { type ConcurrentlyCommandInput } from 'concurrently';
import { missingReport, NEEDS, thisSystem } from './test-needs.ts';

const missing = NEEDS.filter((need) => !need.find());
if (missing.length > 0) {
  console.error(missingReport(missing, thisSystem()));
  process.exit(1);
}

const STAGES: ConcurrentlyCommandInput[][] = [
  [
    { name: 'typecheck', command: 'npm run -s typecheck' },
    { name: 'lint', command: 'npm run -s lint' },
    { name: 'unit', command: 'npm run -s test:unit' },
    // One production build and one test build, shared by every suite that needs one.
    { name: 'build', command: 'npm run -s build && npm run -s build:test' },
  ],
  [
    { name: 'chromium', command: 'npm run -s test:e2e' },
    { name: 'qgis', command: 'npm run -s test:qgis' },
  ],
  // Alone: beside Chromium's software WebGL, two cores leave these windows too slow to be fair.
  [{ name: 'engines', command: 'npm run -s test:engines' }],
];

let passed = 0;
let failed = 0;
for (const stage of STAGES) {
  const { result } = concurrently(stage, {
    prefix: '[{name}]',
    killOthersOn: ['failure'],
    timings: true,
  });
  const events = await result.catch((closed: { exitCode: number | string }[]) => closed);
  const ok = events.filter((event) => event.exitCode === 0).length;
  passed += ok;
  failed += events.length - ok;
  if (ok < events.length) break;
}
console.log(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
