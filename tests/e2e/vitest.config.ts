import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two files at a time: the browser tests mostly wait (for idle, for frames), using about a
    // quarter of two cores one at a time; two keep both cores busy without starving SwiftShader.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
