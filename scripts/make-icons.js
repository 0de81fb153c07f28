#!/usr/bin/env node
/**
 * Draws the add-in's icon (a document with a check mark on a blue tile) at
 * 16, 32, 64, 80 and 128 px into assets/icon-<size>.png (the XML manifests and the ribbon buttons),
 * and the two app icons of the unified manifest (manifest.json): assets/color-192.png (the same
 * tile, 192 px) and assets/outline-32.png (the page in white on transparent, the check cut out).
 * Run: node scripts/make-icons.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');

const SIZES = [16, 32, 64, 80, 128];
const OUT = path.join(__dirname, '..', 'assets');
const SS = 4; // supersamples per axis

const BLUE = [0x1f, 0x5a, 0xa6];
const WHITE = [0xff, 0xff, 0xff];
const FOLD = [0xb9, 0xcf, 0xea];
const CHECK = [0x1a, 0x7f, 0x37];

function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour at a point of the unit square, or null for transparent. */
function sample(x, y) {
  if (!inRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
  // The page: x 0.24..0.76, y 0.12..0.88, top-right corner folded.
  const fold = 0.17;
  const px0 = 0.24;
  const px1 = 0.76;
  const py0 = 0.12;
  const py1 = 0.88;
  let colour = BLUE;
  if (x >= px0 && x <= px1 && y >= py0 && y <= py1) {
    const u = x - (px1 - fold);
    const v = y - py0;
    if (u > 0 && v < fold) {
      // Corner square: cut off above the diagonal, the fold below it.
      if (u > v) colour = BLUE;
      else colour = FOLD;
    } else colour = WHITE;
  }
  if (colour === WHITE || colour === FOLD) {
    const w = 0.075;
    const d = Math.min(distToSegment(x, y, 0.34, 0.56, 0.46, 0.69), distToSegment(x, y, 0.46, 0.69, 0.67, 0.40));
    if (d <= w / 2) colour = CHECK;
  }
  return colour;
}

/** The outline icon: the white page with its folded corner, the check mark transparent. */
function sampleOutline(x, y) {
  const c = sample(x, y);
  return c === WHITE || c === FOLD ? WHITE : null;
}

function draw(size, sampler = sample) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sampler((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a++;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  return PNG.sync.write(png);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, draw(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
for (const [name, size, sampler] of [
  ['color-192.png', 192, sample],
  ['outline-32.png', 32, sampleOutline],
]) {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, draw(size, sampler));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
