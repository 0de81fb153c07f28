/**
 * @jest-environment jsdom
 *
 * The pane's CPR guard, stale citations, registers, persisted dismissals and "Indsæt alle",
 * against a scripted fake host and against the real Word adapter on the Word stand-in.
 */
import { installMatchMedia } from './jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { Host, HostCapabilities, InsertRequest, InsertedItem } from '../../src/hosts/host';
import { createWordHost } from '../../src/hosts/word';
import { analyze, bundledEvidence, markerTag, wrapInserted } from '../../src/core';
import { installWordStandin } from '../standins/word-standin';
import { parseDomainList, parseSettings, serializeSettings } from '../../src/taskpane/settings';

const PLAN = [
  'Jobplan for Karin Holm',
  'Karin er jobparat og modtager dagpenge.',
  'Karin deltager i samtaler i jobcentret hver anden uge.',
  'Der etableres et offentligt løntilskud i kommunens tekniske forvaltning i 6 måneder.',
];
const CPR = '010190-1234';
const MASKED = '010190-****';

interface Fake extends Host {
  text: string;
  saved: Record<string, unknown>[];
  inserted: InsertRequest[];
  lists: string[][];
  selected: { start: number; end: number; text: string }[];
  updates: { handle: string | number; text: string; tag: string }[];
  removed: (string | number)[];
  citations: InsertedItem[];
  reads: number;
  recipientChecks: number;
  fire(): void;
}

function fakeHost(
  text: string,
  caps: Partial<HostCapabilities> = {},
  settings: Record<string, unknown> = {},
  extra: { internal?: boolean; citations?: InsertedItem[] } = {},
): Fake {
  const listeners = new Set<() => void>();
  const h: Fake = {
    text,
    saved: [],
    inserted: [],
    lists: [],
    selected: [],
    updates: [],
    removed: [],
    citations: extra.citations ?? [],
    reads: 0,
    recipientChecks: 0,
    fire: () => listeners.forEach((l) => l()),
    capabilities: () => ({ kind: 'word', canInsert: true, canComment: true, canSelect: true, hasChangeEvents: true, canPersistSettings: true, ...caps }),
    async readText() {
      h.reads++;
      return h.text;
    },
    async select(span) {
      h.selected.push(span);
    },
    async insert(req) {
      h.inserted.push(req);
      return true;
    },
    async comment() {},
    async upsertReferenceList(lines) {
      h.lists.push(lines);
    },
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
    async listInserted() {
      return h.citations.map((c) => ({ ...c }));
    },
    async updateInserted(handle, t, tag) {
      h.updates.push({ handle, text: t, tag });
    },
    async removeInserted(handle) {
      h.removed.push(handle);
    },
  };
  if (extra.internal !== undefined) {
    h.recipientsAreInternal = async () => {
      h.recipientChecks++;
      return extra.internal as boolean;
    };
  }
  return h;
}

beforeAll(installMatchMedia);

async function cards(): Promise<HTMLElement[]> {
  await waitFor(() => expect(document.querySelector('[data-testid="suggestion-card"]')).not.toBeNull(), { timeout: 5000 });
  return Array.from(document.querySelectorAll<HTMLElement>('[data-testid="suggestion-card"]'));
}

/** Everything the pane renders: text and every attribute value. */
function paneDump(): string {
  const parts: string[] = [document.body.textContent ?? ''];
  document.body.querySelectorAll('*').forEach((el) => {
    for (const a of Array.from(el.attributes)) parts.push(a.value);
  });
  return parts.join('\n');
}

const g = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
  delete g.Word;
});

describe('CPR guard', () => {
  const text = [...PLAN, `Borgerens CPR-nummer er ${CPR}, og hun kan træffes på tlf. 12345678.`].join('\n');

  test('Outlook compose: a warning with the masked numbers; the full number appears nowhere in the pane', async () => {
    const h = fakeHost(text, { kind: 'outlook', canComment: false, canSelect: false, hasChangeEvents: false });
    render(<App host={h} />);
    await cards();
    const bar = await screen.findByTestId('jpe-cpr');
    expect(bar.textContent).toContain('Udkastet indeholder et CPR-nummer.');
    expect(bar.textContent).toContain('CPR-numre må ikke sendes med almindelig e-mail – brug sikker mail (fx Digital Post eller krypteret mail).');
    expect(bar.textContent).toContain(MASKED);
    expect(bar.dataset['intent']).toBe('warning');
    const dump = paneDump();
    expect(dump).not.toContain(CPR);
    expect(dump).not.toContain('1234');
    // One read for both the analysis and the guard.
    expect(h.reads).toBe(1);
  });

  test('Word: a quiet note, places collapsed; a place selects the number in the document', async () => {
    const h = fakeHost(text);
    render(<App host={h} />);
    await cards();
    const bar = await screen.findByTestId('jpe-cpr');
    expect(bar.textContent).toContain('Dokumentet indeholder et CPR-nummer.');
    expect(bar.textContent).not.toContain('almindelig e-mail');
    expect(bar.dataset['intent']).toBe('info');
    expect(within(bar).queryByText(MASKED)).toBeNull();
    fireEvent.click(within(bar).getByRole('button', { name: 'Vis steder' }));
    fireEvent.click(within(bar).getByRole('button', { name: `Vis ${MASKED} i dokumentet` }));
    await waitFor(() => expect(h.selected.length).toBe(1));
    expect(text.slice(h.selected[0]!.start, h.selected[0]!.end)).toBe(CPR);
    expect(paneDump()).not.toContain(CPR);
    expect(h.reads).toBe(1);
  });

  test('no CPR number: no note', async () => {
    render(<App host={fakeHost(PLAN.join('\n'))} />);
    await cards();
    expect(screen.queryByTestId('jpe-cpr')).toBeNull();
  });
});

describe('stale citations', () => {
  const current = analyze(PLAN.join('\n')).suggestions.find((s) => s.instrument === 'samtale')!;
  const finding = current.citations[0]!.finding;
  const version = current.citations[0]!.findingVersion;
  const set = bundledEvidence();
  const ips = set.findings.find((f) => f.instruments.includes('ips' as never))!;
  const text = [...PLAN, wrapInserted('En ældre formulering (STAR, 2025).'), wrapInserted('IPS virker (STAR, 2026).')].join('\n');
  const citations = [
    { tag: markerTag('cite', finding, 0, 'samtale'), handle: 11 },
    { tag: markerTag('cite', ips.id, ips.version, 'ips'), handle: 12 },
    { tag: markerTag('cite', current.citations[0]!.finding, version, 'samtale'), handle: 13 },
  ];

  test('listed with Danish reasons; Opdatér replaces in place with the current sentence and a new tag', async () => {
    const h = fakeHost(text, {}, {}, { citations });
    render(<App host={h} />);
    await cards();
    const section = await screen.findByTestId('jpe-stale');
    expect(within(section).getByRole('heading', { name: 'Forældede citater' })).toBeTruthy();
    const items = section.querySelectorAll<HTMLElement>('li[data-stale-finding]');
    expect(items).toHaveLength(2); // the up-to-date one is not listed
    expect(items[0]!.textContent).toContain('Fundet er opdateret i evidenssættet siden citatet blev indsat');
    expect(items[1]!.textContent).toContain('Indsatsen, citatet hører til, står ikke længere i dokumentet');
    expect(within(items[1]!).queryByRole('button', { name: 'Opdatér' })).toBeNull();

    const reads = h.reads;
    fireEvent.click(within(items[0]!).getByRole('button', { name: 'Opdatér' }));
    await waitFor(() => expect(h.updates).toHaveLength(1));
    expect(h.updates[0]).toEqual({ handle: 11, text: expect.stringContaining(current.text.replace(/[.\s]+$/, '')), tag: markerTag('cite', finding, version, 'samtale') });
    expect(h.updates[0]!.text).toMatch(/\(STAR[^)]*\)\.$/);
    await waitFor(() => expect(h.reads).toBe(reads + 1)); // re-analysed afterwards
  });

  test('Fjern asks first; Annullér keeps it; only "Ja, fjern" removes, and only that citation', async () => {
    const h = fakeHost(text, {}, {}, { citations });
    render(<App host={h} />);
    await cards();
    const section = await screen.findByTestId('jpe-stale');
    const item = () => section.querySelectorAll<HTMLElement>('li[data-stale-finding]')[1]!;
    fireEvent.click(within(item()).getByRole('button', { name: 'Fjern' }));
    expect(item().textContent).toContain('Fjern det indsatte citat? Din egen tekst røres ikke.');
    expect(h.removed).toEqual([]);
    fireEvent.click(within(item()).getByRole('button', { name: 'Annullér' }));
    expect(h.removed).toEqual([]);
    fireEvent.click(within(item()).getByRole('button', { name: 'Fjern' }));
    fireEvent.click(within(item()).getByRole('button', { name: 'Ja, fjern' }));
    await waitFor(() => expect(h.removed).toEqual([12]));
    expect(h.updates).toEqual([]);
  });

  test('nothing stale: no section; text without markers: the host is not asked', async () => {
    const h = fakeHost(PLAN.join('\n'), {}, {}, { citations });
    const spy = jest.spyOn(h, 'listInserted');
    render(<App host={h} />);
    await cards();
    expect(spy).not.toHaveBeenCalled();
    expect(screen.queryByTestId('jpe-stale')).toBeNull();
  });

  test('inserting passes the instrument in the tag', async () => {
    const h = fakeHost(PLAN.join('\n'));
    render(<App host={h} />);
    const [first] = await cards();
    fireEvent.click(within(first!).getByRole('button', { name: 'Indsæt' }));
    await waitFor(() => expect(h.inserted).toHaveLength(1));
    expect(h.inserted[0]!.tag).toMatch(/^jpe:cite:[a-z0-9-]+@\d+#[a-z-]+$/);
  });
});

describe('registers', () => {
  const outlook = { kind: 'outlook' as const, canComment: false, canSelect: false, hasChangeEvents: false };
  const citizen = analyze(PLAN.join('\n'), { register: 'borger' }).suggestions[0]!.text;
  const professional = analyze(PLAN.join('\n')).suggestions[0]!.text;

  test('Outlook: a recipient outside the internal domains makes "Til borgeren" the default; an explicit choice wins', async () => {
    const h = fakeHost(PLAN.join('\n'), outlook, { internalDomains: ['aarhus.dk'] }, { internal: false });
    render(<App host={h} />);
    const [first] = await cards();
    expect(first!.dataset['register']).toBe('borger');
    expect(first!.querySelector('p')!.textContent).toBe(citizen);
    expect(within(first!).getByText('Til borgeren')).toBeTruthy();
    expect(screen.getByText(/Valgt automatisk/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Til fagpersoner' }));
    await waitFor(() => expect((document.querySelector('[data-testid="suggestion-card"] p') as HTMLElement).textContent).toBe(professional));
    // The explicit choice holds on "Analysér igen" (no recipient lookup any more).
    const checks = h.recipientChecks;
    fireEvent.click(screen.getByRole('button', { name: 'Analysér igen' }));
    await waitFor(() => expect(h.reads).toBe(2));
    await cards();
    expect(h.recipientChecks).toBe(checks);
    expect((document.querySelector('[data-testid="suggestion-card"]') as HTMLElement).dataset['register']).toBe('fagperson');
    // Another mail (ItemChanged): the recipients decide again.
    act(() => h.fire());
    await waitFor(() => expect((document.querySelector('[data-testid="suggestion-card"]') as HTMLElement).dataset['register']).toBe('borger'), { timeout: 3000 });
  });

  test('Outlook: internal recipients, or no domains configured: the stored register', async () => {
    const h = fakeHost(PLAN.join('\n'), outlook, { internalDomains: ['aarhus.dk'] }, { internal: true });
    render(<App host={h} />);
    expect((await cards())[0]!.dataset['register']).toBe('fagperson');
    const h2 = fakeHost(PLAN.join('\n'), outlook, {}, { internal: false });
    const r2 = render(<App host={h2} />);
    await waitFor(() => expect(r2.container.querySelector('[data-testid="suggestion-card"]')).not.toBeNull());
    expect(h2.recipientChecks).toBe(0);
    expect((r2.container.querySelector('[data-testid="suggestion-card"]') as HTMLElement).dataset['register']).toBe('fagperson');
  });

  test('"Interne maildomæner" is stored as a list of lowercase domains', async () => {
    const h = fakeHost(PLAN.join('\n'), outlook, {}, { internal: false });
    render(<App host={h} />);
    await cards();
    const input = screen.getByRole('textbox', { name: 'Interne maildomæner' });
    fireEvent.change(input, { target: { value: 'Aarhus.dk, @jobcenter.dk;' } });
    fireEvent.blur(input);
    await waitFor(() => expect(h.saved.length).toBeGreaterThan(0));
    expect(h.saved[h.saved.length - 1]!['internalDomains']).toEqual(['aarhus.dk', 'jobcenter.dk']);
    await waitFor(() => expect((document.querySelector('[data-testid="suggestion-card"]') as HTMLElement).dataset['register']).toBe('borger'));
  });

  test('Word has no domain setting', async () => {
    render(<App host={fakeHost(PLAN.join('\n'))} />);
    await cards();
    expect(screen.queryByRole('textbox', { name: 'Interne maildomæner' })).toBeNull();
  });

  test('parseDomainList / settings round trip', () => {
    expect(parseDomainList('aarhus.dk, @JOBCENTER.dk jobnet; x, aarhus.dk')).toEqual({ domains: ['aarhus.dk', 'jobcenter.dk'], invalid: ['jobnet', 'x'] });
    const s = parseSettings({ internalDomains: ['aarhus.dk', 'Ikke et domæne'], dismissed: { a: 'other' }, dismissedList: ['b:considered'] });
    expect(s.internalDomains).toEqual(['aarhus.dk']);
    expect(s.dismissed).toEqual({ a: 'other', b: 'considered' });
    expect(serializeSettings(s)).toEqual({ dismissed: { a: 'other', b: 'considered' }, citationStyle: 'short', register: 'fagperson', internalDomains: ['aarhus.dk'] });
  });
});

describe('with the real Word adapter on the stand-in', () => {
  test('dismissals persist through the document settings (nested map, no dismissedList)', async () => {
    const s = installWordStandin(g, PLAN);
    const first = render(<App host={createWordHost()} />);
    const [card] = await cards();
    const id = card!.dataset['suggestionId']!;
    fireEvent.click(within(card!).getByRole('button', { name: 'Afvis' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Ikke relevant for borgeren' }));
    await waitFor(() => expect(s.saveAsyncCount).toBeGreaterThan(0));
    await waitFor(() => expect((s.savedSettings['jpe'] as { dismissed?: unknown })?.dismissed).toEqual({ [id]: 'not-relevant' }));
    expect(JSON.stringify(s.savedSettings)).not.toContain('dismissedList');
    first.unmount();
    render(<App host={createWordHost()} />);
    await screen.findByRole('switch', { name: 'Vis afviste (1)' });
    expect(document.querySelector(`[data-suggestion-id="${id}"]`)).toBeNull();
  });

  test('"Indsæt alle": every shown suggestion with a mention plus the Kildeliste in ≤ 2 syncs', async () => {
    const s = installWordStandin(g, PLAN);
    render(<App host={createWordHost()} />);
    await cards();
    const want = analyze(PLAN.join('\r')).suggestions.filter((x) => x.mention);
    expect(want.length).toBeGreaterThan(1);
    const users = s.userParagraphTexts();
    s.syncCount = 0;
    fireEvent.click(screen.getByRole('button', { name: 'Indsæt alle' }));
    await screen.findByText(`${want.length} forslag er indsat med kildehenvisning, og kildelisten er opdateret.`);
    expect(s.syncCount).toBeLessThanOrEqual(2);
    expect(s.unsyncedOps).toBe(0);
    const tags = s.contentControls().map((c) => c.tag);
    expect(tags.filter((t) => t.startsWith('jpe:cite:'))).toHaveLength(want.length);
    expect(tags.filter((t) => t === 'jpe:kildeliste')).toHaveLength(1);
    expect(s.userParagraphTexts()).toEqual(users);
    for (const c of await cards()) if (want.some((w) => w.id === c.dataset['suggestionId'])) expect(within(c).getByText('Indsat')).toBeTruthy();
  });
});

describe('"Indsæt alle" without insertMany', () => {
  test('falls back to one insert per suggestion, then the reference list; dismissed ones are left out', async () => {
    const probe = analyze(PLAN.join('\n')).suggestions.filter((x) => x.mention);
    const dismissedId = probe[0]!.id;
    const h = fakeHost(PLAN.join('\n'), {}, { dismissed: { [dismissedId]: 'considered' } });
    render(<App host={h} />);
    await cards();
    fireEvent.click(screen.getByRole('button', { name: 'Indsæt alle' }));
    await waitFor(() => expect(h.lists).toHaveLength(1));
    expect(h.inserted.map((r) => r.anchor?.text)).toEqual(probe.slice(1).map((x) => x.mention!.text));
    expect(h.lists[0]![0]).toBe('Kildeliste');
  });
});

test('bench hooks: the pane header and the cards carry test ids', async () => {
  render(<App host={fakeHost(PLAN.join('\n'))} />);
  await cards();
  expect(screen.getByTestId('pane-ready')).toBeTruthy();
});
