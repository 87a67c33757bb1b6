import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Every core: Vitest keeps one back by default, which on two cores left one idle once npm test's
    // typecheck and builds were done (docs/PERFORMANCE.md).
    maxWorkers: availableParallelism(),
  },
});
