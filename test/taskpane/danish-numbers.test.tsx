/**
 * @jest-environment jsdom
 *
 * Danish number agreement and screen-reader labels: the pane rendered with 0, 1 and many suggestions
 * and CPR numbers says "det viste forslag", "alle 2 viste forslag", "et CPR-nummer", "2 CPR-numre",
 * never "alle 1 viste forslag" or "CPR-numre (1)"; a target-group chip's remove button says its name once.
 */
import { exampleLabel } from '../../src/demo/examples';
import { installMatchMedia } from './jsdom-env';
import * as React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { Host } from '../../src/hosts/host';
import { analyze, insertedInBulk } from '../../src/core';
import { cprCountText, insertAllDescription, referenceScopeText } from '../../src/taskpane/labels';

beforeAll(installMatchMedia);

/** The pane analyses after a paint; a loaded CI machine can take a few seconds. */
const SLOW = { timeout: 10000 };

function fakeHost(text: string, kind: 'word' | 'outlook' = 'word'): Host {
  return {
    capabilities: () => ({ kind, canInsert: true, canComment: kind === 'word', canSelect: true, hasChangeEvents: false, canPersistSettings: true }),
    readText: async () => text,
    select: async () => undefined,
    insert: async () => true,
    comment: async () => undefined,
    upsertReferenceList: async () => undefined,
    loadSettings: async () => ({}),
    saveSettings: async () => undefined,
    onChange: () => () => undefined,
  };
}

/** Everything the pane shows or announces: text and attribute values. */
function dump(): string {
  const parts: string[] = [document.body.textContent ?? ''];
  document.body.querySelectorAll('*').forEach((el) => {
    for (const a of Array.from(el.attributes)) parts.push(a.value);
  });
  return parts.join('\n');
}

const BAD = [/alle [01] /, /\(\s*[01]\s*\)/, /CPR-numre \(\d+\)/, /\b1 viste forslag/, /\b1 omtaler\b/, /\b1 CPR-numre\b/, /\bClear selection\b/i];

// Texts chosen by what the engine finds in them (checked below, so a change in the rules shows up here).
const CASES: Array<[string, string, number]> = [
  ['no suggestion', 'Borgeren deltager i samtaler.', 0],
  ['one suggestion', 'Borgeren er sygemeldt og deltager i samtaler.', 1],
  ['several suggestions', 'Borgeren er jobparat, modtager dagpenge og deltager i samtaler i jobcentret.', 2],
];

describe.each(CASES)('%s', (_name, text, atLeast) => {
  // what the Kildeliste and "Indsæt alle" count: not the collapsed viewpoints, not the prompts for the caseworker
  const n = analyze(text).suggestions.filter(insertedInBulk).length;

  test('the engine finds what the case needs', () => {
    if (atLeast < 2) expect(n).toBe(atLeast);
    else expect(n).toBeGreaterThanOrEqual(2);
  });

  test('the Kildeliste line and "Indsæt alle" agree with the number', async () => {
    render(<App host={fakeHost(text)} />);
    const scope = await screen.findByTestId('jpe-kildeliste-scope', {}, SLOW);
    await waitFor(() => expect(scope.textContent).toBe(referenceScopeText(n)), SLOW);
    if (n === 1) expect(scope.textContent).toContain('det viste forslag');
    if (n >= 2) expect(scope.textContent).toContain(`alle ${n} viste forslag`);
    const insertAll = screen.getByRole('button', { name: 'Indsæt alle' });
    expect(insertAll.getAttribute('aria-description')).toBe(insertAllDescription(n));
    for (const bad of BAD) expect(dump()).not.toMatch(bad);
  });
});

describe.each([
  [1, 'et CPR-nummer'],
  [2, '2 CPR-numre'],
])('%i CPR number(s)', (count, words) => {
  const numbers = ['010190-1234', '311299-4321'].slice(0, count);
  const text = `Borgeren er jobparat og modtager dagpenge. ${numbers.map((c) => `CPR ${c}.`).join(' ')}`;

  test.each(['word', 'outlook'] as const)('%s', async (kind) => {
    render(<App host={fakeHost(text, kind)} />);
    const bar = await screen.findByTestId('jpe-cpr', {}, SLOW);
    expect(bar.textContent).toContain(`${kind === 'outlook' ? 'Udkastet' : 'Dokumentet'} indeholder ${words}.`);
    expect(cprCountText(count)).toBe(words);
    for (const bad of BAD) expect(dump()).not.toMatch(bad);
  });
});

test("a target group's remove button is named once: \"Fjern Dagpengemodtager\"", async () => {
  render(<App host={fakeHost('Karin er jobparat og modtager dagpenge.')} />);
  const remove = await screen.findByRole('button', { name: 'Fjern Dagpengemodtager' }, SLOW);
  expect(remove.getAttribute('aria-labelledby')).toBeNull();
});

test('the label helpers for 0, 1 and many', () => {
  expect([0, 1, 3].map(cprCountText)).toEqual(['0 CPR-numre', 'et CPR-nummer', '3 CPR-numre']);
  expect(referenceScopeText(1)).not.toMatch(/alle/);
  expect(referenceScopeText(0)).not.toMatch(/\b0\b/);
  expect(insertAllDescription(1)).toBe('Indsætter det viste forslag ved dets omtale og opdaterer kildelisten');
});

test('the Eksempel list names a plan\'s quality once ("– god praksis", not "– god praksis (god praksis)")', () => {
  expect(exampleLabel({ title: 'Jobparat dagpengemodtager – god praksis', quality: 'god' })).toBe('Jobparat dagpengemodtager – god praksis');
  expect(exampleLabel({ title: 'Jobparat dagpengemodtager', quality: 'god' })).toBe('Jobparat dagpengemodtager (god praksis)');
  expect(exampleLabel({ title: 'Uden kvalitet' })).toBe('Uden kvalitet');
});
