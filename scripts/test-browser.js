#!/usr/bin/env node
/*
 * Runs the browser tests (jest -c jest.browser.config.js) when Chromium is available.
 * Locally, without Chromium, it says so and skips; in CI (CI set) a missing Chromium fails.
 */
const fs = require('fs');
const { spawnSync } = require('child_process');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const msg = `browser tests: no Chromium at ${chromium} (install Debian's chromium: apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI) {
    console.error(`${msg}; CI needs them.`);
    process.exit(1);
  }
  console.log(`${msg}; skipped.`);
  process.exit(0);
}
const jest = require.resolve('jest/bin/jest');
const res = spawnSync(process.execPath, [jest, '-c', 'jest.browser.config.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(res.status ?? 1);
