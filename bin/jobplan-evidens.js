#!/usr/bin/env node
'use strict';
// Launcher: the CLI itself is TypeScript, compiled to lib/ by `npm run build:cli`.
const fs = require('fs');
const path = require('path');

const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('jobplan-evidens: not built yet: run `npm run build:cli` first\n');
  process.exitCode = 2;
} else {
  let cli;
  try {
    cli = require(entry);
  } catch (e) {
    process.stderr.write(`jobplan-evidens: internal error: cannot load the CLI: ${String((e && e.message) || e).split('\n')[0]}\n`);
    if (process.env.JPE_DEBUG && e && e.stack) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  }
  if (cli) cli.runProcess();
}
