/* Build the add-in (plus the Office.js stand-ins as a page script of their own) and serve it on 127.0.0.1. */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const { startStaticServer } = require('./static-server');

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'build', 'browser-test');

function run(config) {
  return new Promise((resolve, reject) => {
    webpack(config).run((err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      resolve(stats);
    });
  });
}

module.exports = async function globalSetup() {
  const mode = process.env.JPE_BROWSER_MODE === 'development' ? 'development' : 'production';
  if (process.env.JPE_BROWSER_SKIP_BUILD !== '1' || !fs.existsSync(path.join(OUT, 'taskpane.html'))) {
    const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
    const config = await makeConfig({}, { mode });
    config.output = { ...config.output, path: OUT, clean: true };
    config.devtool = false;
    // The Office.js stand-ins get an entry of their own in the test build only.
    const standins = path.join(ROOT, 'test/standins/browser-entry.ts');
    if (fs.existsSync(standins)) config.entry = { ...config.entry, standins };
    config.infrastructureLogging = { level: 'error' };
    // JPE_TEST_EVIDENCE=/path/evidence.json builds the pages against another evidence set (UI work before the real one lands).
    if (process.env.JPE_TEST_EVIDENCE) {
      config.resolve = {
        ...config.resolve,
        alias: { [path.join(ROOT, 'src/core/evidence/evidence.json')]: path.resolve(process.env.JPE_TEST_EVIDENCE) },
      };
    }
    await run(config);
  }
  const server = await startStaticServer(OUT);
  globalThis.__JPE_BROWSER_SERVER__ = server;
  fs.writeFileSync(path.join(OUT, 'server.json'), JSON.stringify({ url: server.url }));
  process.env.JPE_BROWSER_URL = server.url;
};
