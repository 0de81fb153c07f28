import * as React from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { Host } from '../hosts/host';
import { createWordHost } from '../hosts/word';
import { createOutlookHost } from '../hosts/outlook';
import { App, StandaloneNotice } from './App';

/** How long to wait for Office.onReady before telling the user the pane is not running inside Office. */
const ONREADY_TIMEOUT_MS = 5000;

function isDarkOffice(): boolean {
  try {
    const theme = Office.context?.officeTheme;
    if (!theme) return false;
    if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
    const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? '');
    if (!m) return false;
    const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? 'ff', 16));
    return 0.2126 * (r ?? 255) + 0.7152 * (g ?? 255) + 0.0722 * (b ?? 255) < 100;
  } catch {
    return false;
  }
}

function notice(root: Root, title: string, body: string, intent: 'info' | 'warning' | 'error' = 'warning'): void {
  root.render(<StandaloneNotice title={title} body={body} intent={intent} />);
}

async function start(root: Root, hostName: string): Promise<void> {
  let host: Host;
  if (hostName === 'Word') host = await Promise.resolve(createWordHost());
  else if (hostName === 'Outlook') host = await Promise.resolve(createOutlookHost());
  else {
    notice(
      root,
      'Programmet understøttes ikke',
      'Jobplan Evidens virker i Word og Outlook. Åbn jobplanen i Word eller mailkladden i Outlook.',
    );
    return;
  }
  root.render(<App host={host} dark={isDarkOffice()} />);
}

function main(): void {
  const el = document.getElementById('root');
  if (!el) return;
  const root = createRoot(el);
  root.render(<StandaloneNotice title="" body="Starter Jobplan Evidens …" busy />);

  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    notice(
      root,
      'Office kunne ikke indlæses',
      'Ruden skal åbnes inde fra Word eller Outlook, og Office-biblioteket skal kunne hentes fra Microsoft. Tjek netværksforbindelsen og åbn tilføjelsesprogrammet igen.',
      'error',
    );
    return;
  }

  let ready = false;
  const timer = setTimeout(() => {
    if (!ready)
      notice(
        root,
        'Office svarer ikke',
        'Ruden ser ikke ud til at køre inde i Word eller Outlook. Åbn tilføjelsesprogrammet fra båndet i Word eller Outlook – eller brug demoen (demo.html) til at prøve det i en browser.',
      );
  }, ONREADY_TIMEOUT_MS);

  Office.onReady((info) => {
    if (ready) return;
    ready = true;
    clearTimeout(timer);
    start(root, String(info?.host ?? '')).catch(() =>
      notice(root, 'Ruden kunne ikke starte', 'Forbindelsen til Office kunne ikke oprettes. Luk ruden og åbn den igen.', 'error'),
    );
  });
}

main();
