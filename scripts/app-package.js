/**
 * The app package for the Microsoft 365 admin center (Integrated apps → Upload custom apps):
 * a zip of manifest.json and the two app icons it names (icons.color, icons.outline).
 * Used by webpack.config.js, which emits it as dist/jobplan-evidens.zip next to the manifests.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const JSZip = require('jszip');

/** @param {string} manifestText manifest.json as it will be served (URLs already replaced) */
async function appPackage(manifestText, rootDir) {
  const manifest = JSON.parse(manifestText);
  const zip = new JSZip();
  zip.file('manifest.json', manifestText);
  for (const rel of [manifest.icons && manifest.icons.color, manifest.icons && manifest.icons.outline]) {
    if (!rel) throw new Error('manifest.json: icons.color and icons.outline are required');
    zip.file(rel, fs.readFileSync(path.join(rootDir, rel)));
  }
  // A fixed date: the same inputs give the same zip.
  for (const f of Object.values(zip.files)) f.date = new Date('2026-01-01T00:00:00Z');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

module.exports = { appPackage };
