import { defineConfig } from 'vitest/config';

// Real Firefox (firefox-esr via puppeteer-core): one browser at a time, generous timeouts for start and the seed.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.firefox.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
