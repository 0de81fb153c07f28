/**
 * @jest-environment jsdom
 *
 * "Opslag": the evidence set without a document, by instrument × target group; a finding's sentence
 * with its citation inserted at the cursor (no anchor), tagged so it is never reported stale.
 */
import { installMatchMedia } from './jsdom-env';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { Lookup } from '../../src/taskpane/components/Lookup';
import { findingsCountText, lookupFindings, lookupOptions, lookupSentence } from '../../src/taskpane/useLookup';
import { HostError, type Host, type InsertRequest } from '../../src/hosts/host';
import {
  INSTRUMENT_IDS,
  INSTRUMENT_LABELS,
  TARGET_GROUP_IDS,
  TARGET_GROUP_LABELS,
  bundledEvidence,
  inFamily,
  parseMarkerTag,
  populationOf,
  sourceLabel,
} from '../../src/core';
import { STRENGTHS } from '../../src/core/evidence/schema';

installMatchMedia();
const set = bundledEvidence();

interface Fake extends Host {
  inserted: InsertRequest[];
  fail?: HostError;
}

function fakeHost(text = '', canInsert = true): Fake {
  const h: Fake = {
    inserted: [],
    capabilities: () => ({ kind: 'word', canInsert, canComment: true, canSelect: true, hasChangeEvents: false, canPersistSettings: true }),
    readText: async () => text,
    select: async () => undefined,
    insert: async (req) => {
      if (h.fail) throw h.fail;
      h.inserted.push(req);
      return true;
    },
    comment: async () => undefined,
    upsertReferenceList: async () => undefined,
    loadSettings: async () => ({}),
    saveSettings: async () => undefined,
    onChange: () => () => undefined,
  };
  return h;
}

describe('lookupFindings', () => {
  test('every instrument × target group: exactly the findings about it, for that group or for everyone, strongest first', () => {
    let nonEmpty = 0;
    for (const i of ['alle', ...INSTRUMENT_IDS] as const) {
      for (const g of ['alle', ...TARGET_GROUP_IDS] as const) {
        const got = lookupFindings(set, i, g);
        const want = set.findings.filter(
          (f) =>
            (i === 'alle' || f.instruments.some((x) => inFamily(x, i))) &&
            (g === 'alle' || !populationOf(set, f)!.groups.length || populationOf(set, f)!.groups.includes(g)),
        );
        expect(new Set(got.map((f) => f.id))).toEqual(new Set(want.map((f) => f.id)));
        expect(got.length).toBe(want.length);
        const ranks = got.map((f) => STRENGTHS.indexOf(f.strength));
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
        if (got.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(20);
    expect(lookupFindings(set, 'alle', 'alle').length).toBe(set.findings.length);
  });

  test('a kind of an instrument is found under its family (privat løntilskud under løntilskud)', () => {
    const privat = set.findings.filter((f) => f.instruments.includes('privat-loentilskud'));
    expect(privat.length).toBeGreaterThan(0);
    const ids = lookupFindings(set, 'loentilskud', 'alle').map((f) => f.id);
    for (const f of privat) expect(ids).toContain(f.id);
  });

  test('options: only instruments and groups the set says something about', () => {
    const { instruments, groups } = lookupOptions(set);
    for (const i of instruments) expect(lookupFindings(set, i, 'alle').length).toBeGreaterThan(0);
    for (const g of groups) expect(set.findings.some((f) => populationOf(set, f)!.groups.includes(g))).toBe(true);
    expect(instruments.length).toBeGreaterThan(5);
  });

  test('Danish count', () => {
    expect([0, 1, 2, 17].map(findingsCountText)).toEqual(['Ingen fund', '1 fund', '2 fund', '17 fund']);
  });
});

describe('<Lookup>', () => {
  const renderLookup = (host: Host, canInsert = true, register: 'fagperson' | 'borger' = 'fagperson') =>
    render(
      <FluentProvider theme={webLightTheme}>
        <Lookup host={host} set={set} register={register} citationStyle="short" canInsert={canInsert} />
      </FluentProvider>,
    );

  test('filters by instrument and target group; the count and the cards agree', () => {
    renderLookup(fakeHost());
    const list = () => screen.getByRole('list', { name: /^Fund i evidenssættet/ });
    expect(within(list()).getAllByRole('article').length).toBe(set.findings.length);
    fireEvent.change(screen.getByLabelText('Indsats'), { target: { value: 'mentor' } });
    const mentor = lookupFindings(set, 'mentor', 'alle');
    expect(within(list()).getAllByRole('article').length).toBe(mentor.length);
    expect(screen.getByTestId('jpe-lookup-count').textContent).toMatch(new RegExp(`^${findingsCountText(mentor.length)}`));
    const g = lookupOptions(set).groups[0]!;
    fireEvent.change(screen.getByLabelText('Målgruppe'), { target: { value: g } });
    const both = lookupFindings(set, 'mentor', g);
    expect(within(list()).queryAllByRole('article').length).toBe(both.length);
    // each card: headline, badge, quote, source
    for (const f of both) {
      const card = list().querySelector(`[data-finding-id="${f.id}"]`) as HTMLElement;
      expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe(f.headline);
      expect(card.querySelector('blockquote')!.textContent).toBe(`»${f.quote}«`);
      expect(card.textContent).toContain(set.sources.find((s) => s.id === f.source)!.title);
    }
    expect(INSTRUMENT_LABELS.mentor.length).toBeGreaterThan(0);
    expect(TARGET_GROUP_LABELS[g].length).toBeGreaterThan(0);
  });

  test('Indsæt ved markøren: the sentence with its citation, no anchor, a tag without instrument', async () => {
    const host = fakeHost();
    renderLookup(host, true, 'borger');
    fireEvent.change(screen.getByLabelText('Indsats'), { target: { value: 'samtale' } });
    const f = lookupFindings(set, 'samtale', 'alle')[0]!;
    const card = document.querySelector(`[data-finding-id="${f.id}"]`) as HTMLElement;
    await act(async () => {
      fireEvent.click(within(card).getByRole('button', { name: /Indsæt ved markøren/ }));
    });
    expect(host.inserted).toHaveLength(1);
    const req = host.inserted[0]!;
    const src = set.sources.find((s) => s.id === f.source)!;
    expect(req.text).toBe(`${f.citizen.replace(/[.\s]+$/, '')} (${sourceLabel(set, src, 'short')}).`);
    expect(req.text).toBe(lookupSentence(set, f, 'borger', 'short'));
    expect(req.anchor).toBeUndefined();
    expect(parseMarkerTag(req.tag)).toEqual({ kind: 'cite', finding: f.id, version: f.version });
    await waitFor(() => expect(within(card).getByRole('status').textContent).toMatch(/indsat ved markøren/), { timeout: 10000 });
  });

  test('an Office error is explained in Danish on the card', async () => {
    const host = fakeHost();
    host.fail = new HostError('connection', 'sync failed');
    renderLookup(host);
    const f = lookupFindings(set, 'alle', 'alle')[0]!;
    const card = document.querySelector(`[data-finding-id="${f.id}"]`) as HTMLElement;
    await act(async () => {
      fireEvent.click(within(card).getByRole('button', { name: /Indsæt ved markøren/ }));
    });
    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe('Office svarede ikke. Prøv igen.'), { timeout: 10000 });
  });

  test('read mode: Kopiér only', () => {
    renderLookup(fakeHost(), false);
    expect(screen.queryAllByRole('button', { name: /Indsæt ved markøren/ })).toHaveLength(0);
    expect(screen.getAllByRole('button', { name: /Kopiér/ }).length).toBe(set.findings.length);
  });
});

test('in the pane: Opslag opens with an empty document and inserts at the cursor', async () => {
  const host = fakeHost('');
  render(<App host={host} />);
  const toggle = await screen.findByRole('button', { name: /Opslag i evidensen/ }, { timeout: 10000 });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  expect(screen.queryByTestId('jpe-lookup')).toBeNull();
  fireEvent.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  const lookup = screen.getByTestId('jpe-lookup');
  fireEvent.change(within(lookup).getByLabelText('Indsats'), { target: { value: 'virksomhedspraktik' } });
  const f = lookupFindings(set, 'virksomhedspraktik', 'alle')[0]!;
  const card = lookup.querySelector(`[data-finding-id="${f.id}"]`) as HTMLElement;
  await act(async () => {
    fireEvent.click(within(card).getByRole('button', { name: /Indsæt ved markøren/ }));
  });
  expect(host.inserted.map((r) => r.text)).toEqual([lookupSentence(set, f, 'fagperson', 'short')]);
});
