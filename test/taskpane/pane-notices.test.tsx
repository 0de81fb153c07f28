/**
 * @jest-environment jsdom
 *
 * The pane's notices and state handling against a scripted fake host (no browser needed).
 */
import { installMatchMedia } from './jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { HostError, type Host, type HostCapabilities, type InsertRequest } from '../../src/hosts/host';

const PLAN = [
  'Jobplan for Karin Holm',
  'Karin er jobparat og modtager dagpenge.',
  'Karin deltager i samtaler i jobcentret hver anden uge.',
  'Der etableres et offentligt løntilskud i kommunens tekniske forvaltning i 6 måneder.',
].join('\n');

interface Fake extends Host {
  text: string;
  saved: Record<string, unknown>[];
  inserted: InsertRequest[];
  fail: Partial<Record<'readText' | 'insert' | 'comment' | 'upsertReferenceList', HostError>>;
  reads: number;
  fire(): void;
}

function fakeHost(text: string, caps: Partial<HostCapabilities> = {}, settings: Record<string, unknown> = {}): Fake {
  const listeners = new Set<() => void>();
  const h: Fake = {
    text,
    saved: [],
    inserted: [],
    fail: {},
    reads: 0,
    fire: () => listeners.forEach((l) => l()),
    capabilities: () => ({ kind: 'word', canInsert: true, canComment: true, canSelect: true, hasChangeEvents: true, canPersistSettings: true, ...caps }),
    async readText() {
      h.reads++;
      const e = h.fail.readText;
      if (e) {
        delete h.fail.readText;
        throw e;
      }
      return h.text;
    },
    async select() {},
    async insert(req) {
      const e = h.fail.insert;
      if (e) throw e;
      h.inserted.push(req);
      return true;
    },
    async comment() {
      const e = h.fail.comment;
      if (e) throw e;
    },
    async upsertReferenceList() {},
    async loadSettings() {
      return settings;
    },
    async saveSettings(s) {
      h.saved.push(JSON.parse(JSON.stringify(s)));
    },
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return h;
}

beforeAll(installMatchMedia);

async function cards(): Promise<HTMLElement[]> {
  await waitFor(() => expect(document.querySelector('article[data-suggestion-id]')).not.toBeNull(), { timeout: 5000 });
  return Array.from(document.querySelectorAll<HTMLElement>('article[data-suggestion-id]'));
}

test('analyses on open, announces it, and shows cards', async () => {
  render(<App host={fakeHost(PLAN)} />);
  expect((await cards()).length).toBeGreaterThan(0);
  await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Analysen er opdateret/));
  expect(screen.getByRole('heading', { level: 2, name: 'Borgeren' })).toBeTruthy();
  expect(screen.getByRole('heading', { level: 2, name: 'Indsatser i teksten' })).toBeTruthy();
});

test('empty document', async () => {
  render(<App host={fakeHost('   \n  ')} />);
  await screen.findByText(/Dokumentet er tomt/);
});

test('no instruments found', async () => {
  render(<App host={fakeHost('Referat fra mødet. Vi talte om vejret og om ferien.')} />);
  await screen.findByText(/Der blev ikke fundet nogen indsatser i teksten/);
});

test('very large document: analysed, with a notice', async () => {
  const big = `${PLAN}\n${'Almindelig tekst uden indsatser. '.repeat(70000)}`;
  expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
  render(<App host={fakeHost(big)} />);
  await screen.findByText(/Dokumentet er meget stort/, undefined, { timeout: 20000 });
  expect((await cards()).length).toBeGreaterThan(0);
}, 60000);

test('lost connection: notice, and "Prøv igen" reads again', async () => {
  const h = fakeHost(PLAN);
  h.fail.readText = new HostError('connection', 'sync rejected');
  render(<App host={h} />);
  await screen.findByText('Forbindelsen til Office blev afbrudt. Prøv igen.');
  fireEvent.click(screen.getByRole('button', { name: 'Prøv igen' }));
  expect((await cards()).length).toBeGreaterThan(0);
  await waitFor(() => expect(screen.queryByText('Forbindelsen til Office blev afbrudt. Prøv igen.')).toBeNull());
});

test('anchor moved on insert: notice with "Analysér igen"', async () => {
  const h = fakeHost(PLAN);
  h.fail.insert = new HostError('anchor-moved', 'moved');
  render(<App host={h} />);
  const [first] = await cards();
  fireEvent.click(within(first!).getByRole('button', { name: 'Indsæt' }));
  await screen.findByText('Teksten er ændret siden analysen – analysér igen.');
});

test('Kommentar where Office is too old: notice and falls back to Indsæt', async () => {
  const h = fakeHost(PLAN);
  h.fail.comment = new HostError('not-supported', 'WordApi 1.4');
  render(<App host={h} />);
  await cards();
  fireEvent.click(screen.getAllByRole('button', { name: 'Kommentar' })[0] as HTMLElement);
  await screen.findByText('Kommentarer kræver en nyere version af Office');
  await waitFor(() => expect(h.inserted.length).toBe(1));
  expect(h.inserted[0]?.tag).toMatch(/^jpe:cite:[a-z0-9-]+@\d+(#[a-z-]+)?$/);
});

test('insert passes sentence + citation, the marker tag and the mention as anchor', async () => {
  const h = fakeHost(PLAN);
  render(<App host={h} />);
  const [first] = await cards();
  fireEvent.click(within(first!).getByRole('button', { name: 'Indsæt' }));
  await waitFor(() => expect(h.inserted.length).toBe(1));
  const req = h.inserted[0]!;
  expect(req.text).toMatch(/\((STAR|DA)[^)]*\)\.$/);
  expect(req.anchor && PLAN.slice(req.anchor.start, req.anchor.end)).toBe(req.anchor?.text);
});

test('dismissals load from and save to settings as ids only', async () => {
  const h = fakeHost(PLAN);
  const { unmount } = render(<App host={h} />);
  const [first] = await cards();
  const id = first!.dataset['suggestionId'] as string;
  unmount();
  const h2 = fakeHost(PLAN, {}, { dismissed: { [id]: 'considered' } });
  render(<App host={h2} />);
  await screen.findByRole('switch', { name: 'Vis afviste (1)' });
  expect(document.querySelector(`article[data-suggestion-id="${id}"]`)).toBeNull();
  fireEvent.click(screen.getByRole('switch', { name: 'Vis afviste (1)' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Gendan' }));
  await waitFor(() => expect(h2.saved.length).toBeGreaterThan(0));
  const last = JSON.stringify(h2.saved[h2.saved.length - 1]);
  expect(last).not.toContain(id);
  expect(last).not.toMatch(/Karin|samtaler|løntilskud/);
});

test('re-analyses after document changes (debounced)', async () => {
  const h = fakeHost('Intet her.');
  render(<App host={h} />);
  await screen.findByText(/Der blev ikke fundet nogen indsatser/);
  const before = h.reads;
  h.text = PLAN;
  act(() => {
    h.fire();
    h.fire();
    h.fire();
  });
  expect((await cards()).length).toBeGreaterThan(0);
  expect(h.reads).toBe(before + 1);
});

test('read-only host: no insert buttons, a Læsevisning notice', async () => {
  render(<App host={fakeHost(PLAN, { kind: 'outlook', canInsert: false, canComment: false, canSelect: false })} />);
  await cards();
  expect(screen.queryAllByRole('button', { name: 'Indsæt' })).toEqual([]);
  expect(screen.getByText('Læsevisning')).toBeTruthy();
  expect(screen.getAllByRole('button', { name: 'Kopiér' }).length).toBeGreaterThan(0);
});

test('a render error shows a Danish notice with "Prøv igen", never a blank pane', async () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const h = fakeHost(PLAN);
  let broken = true;
  h.capabilities = () => {
    if (broken) throw new Error('boom');
    return { kind: 'word', canInsert: true, canComment: true, canSelect: true, hasChangeEvents: true, canPersistSettings: true };
  };
  render(<App host={h} />);
  await screen.findByText('Der opstod en uventet fejl');
  broken = false;
  fireEvent.click(screen.getByRole('button', { name: 'Prøv igen' }));
  expect((await cards()).length).toBeGreaterThan(0);
  spy.mockRestore();
});

test.each([
  ['not-allowed', 'Office tillod ikke ændringen'],
  ['search-dialog-open', 'Søg og erstat er åben'],
  ['user-text', 'Din egen tekst står i det indsatte'],
  ['selection', 'Du har markeret tekst'],
  ['undone', 'Ændringen er fortrudt'],
] as const)('insert refused with %s: its own notice, not "lost connection", and an earlier success notice goes', async (code, title) => {
  const h = fakeHost(PLAN);
  render(<App host={h} />);
  const [first, second] = await cards();
  fireEvent.click(within(first!).getByRole('button', { name: 'Indsæt' }));
  await screen.findByText('Forslaget er indsat i dokumentet med kildehenvisning.');
  h.fail.insert = new HostError(code, 'refused');
  fireEvent.click(within(second ?? first!).getByRole('button', { name: 'Indsæt' }));
  await screen.findByText(title);
  expect(screen.queryByText('Forbindelsen til Office blev afbrudt. Prøv igen.')).toBeNull();
  expect(screen.queryByText('Forslaget er indsat i dokumentet med kildehenvisning.')).toBeNull();
});

test('Kommentar twice: one comment, "findes allerede", and the card is not marked "Indsat" (new-user-trial D5)', async () => {
  const h = fakeHost(PLAN);
  let comments = 0;
  h.comment = async () => {
    comments++;
    return true;
  };
  render(<App host={h} />);
  await cards();
  const card = screen.getAllByRole('button', { name: 'Kommentar' })[0]!.closest('article') as HTMLElement;
  fireEvent.click(within(card).getByRole('button', { name: 'Kommentar' }));
  await screen.findByText('Kommentaren er tilføjet ved teksten.');
  fireEvent.click(within(card).getByRole('button', { name: 'Kommentar' }));
  await screen.findByText('Kommentaren findes allerede ved teksten.');
  expect(comments).toBe(1);
  expect(within(card).queryByText('Indsat')).toBeNull();
});
