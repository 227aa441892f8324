import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Guards against a hang, not speed bounds (speed is measured by the benchmarks). CI shares a 2-core
    // machine with other work: at load 10–15 a test that spawns the CLI a few times, or a set-up that
    // builds the city grid or starts a server on PostgreSQL, takes several times its quiet time, and
    // Vitest's default 10 s for hooks ran out.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
