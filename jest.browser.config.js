/**
 * Browser tests: playwright-core drives Debian's chromium (/usr/bin/chromium, or
 * $CHROMIUM_PATH) against a production build served from 127.0.0.1.
 *   npm run test:browser
 * JPE_BROWSER_MODE=development builds unminified; JPE_BROWSER_SKIP_BUILD=1 reuses the last build.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/browser/globalSetup.js',
  globalTeardown: '<rootDir>/test/browser/globalTeardown.js',
  maxWorkers: 1,
  testTimeout: 120000,
};
