/** Time from navigation to the first suggestion card in headless Chromium, demo page, 20-page plan. */
import fs from 'fs';
import path from 'path';
import { realisticText } from './corpus-text';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startStaticServer } = require('../test/browser/static-server.js') as {
  startStaticServer(root: string): Promise<{ url: string; close(): Promise<void> }>;
};

export async function firstCardMs(root: string): Promise<{ median: number; blankMedian: number; runs: number[] } | { skipped: string }> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) return { skipped: `no browser at ${chromium}` };
  if (!fs.existsSync(path.join(root, 'dist/demo.html'))) return { skipped: 'dist/demo.html missing (npm run build)' };
  const { chromium: pw } = await import('playwright-core');
  const server = await startStaticServer(path.join(root, 'dist'));
  const browser = await pw.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const plan = realisticText(60 * 1024); // ~20 pages
  const runs: number[] = [];
  const blank: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage();
      await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
      await page.addInitScript((t) => {
        (window as unknown as { __JPE_DEMO_TEXT__: string }).__JPE_DEMO_TEXT__ = t;
      }, plan);
      const t0 = Date.now();
      await page.goto(`${server.url}/demo.html`);
      await page.waitForSelector('[data-testid="pane-ready"], [role="main"]', { timeout: 15000 });
      blank.push(Date.now() - t0);
      await page.waitForSelector('[data-testid="suggestion-card"]', { timeout: 15000 });
      runs.push(Date.now() - t0);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { median: med(runs), blankMedian: med(blank), runs };
}
