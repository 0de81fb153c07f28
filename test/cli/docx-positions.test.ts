/**
 * Positions in reports: line numbers for text files, paragraph numbers ("afsnit") for a .docx, counted
 * as Word counts paragraphs (empty paragraphs and table cells included), so a caseworker can find them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { paragraphLocator, linesPhrase } from '../../src/cli/report';
import { makeDocx, para, runMain, table, tempDir } from './helpers';

describe('paragraphLocator', () => {
  test('one paragraph per blank-line-ended block; a manual line break stays in its paragraph', () => {
    const text = 'Overskrift\n\nFørste linje\nanden linje\n\n\n\nEfter en tom\n\n';
    const at = paragraphLocator(text);
    expect(at(0)).toBe(1);
    expect(at(text.indexOf('Første'))).toBe(2);
    expect(at(text.indexOf('anden'))).toBe(2);
    expect(at(text.indexOf('Efter'))).toBe(4); // paragraph 3 is empty
  });

  test('the phrase', () => {
    expect(linesPhrase([12], 5, 'afsnit')).toBe('afsnit 12');
    expect(linesPhrase([3, 12, 7], 5, 'afsnit')).toBe('afsnit 3, 7 og 12');
    expect(linesPhrase([2, 9])).toBe('linje 2 og 9');
  });
});

describe('analyze on a .docx gives paragraph numbers', () => {
  // Paragraph numbers as in Word: 1 title, 2 empty, 3-6 the table's four cells, 7 praktik, 8 mentor.
  const body = [
    para('Jobplan'),
    para(''),
    table([
      ['Målgruppe', 'Aktivitetsparat kontanthjælpsmodtager'],
      ['CPR', '010190-1234'],
    ]),
    para('Vi aftaler virksomhedspraktik hos Netto i 4 uger.'),
    para('Borgeren får en mentor i tre måneder.'),
  ].join('');
  let file = '';
  beforeAll(async () => {
    file = path.join(tempDir(), 'plan.docx');
    fs.writeFileSync(file, await makeDocx(body));
  });

  test('text report', async () => {
    const r = await runMain(['analyze', file], { evidence: null });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Virksomhedspraktik: 1 forekomst \(afsnit 7\)/);
    expect(r.stdout).toMatch(/Mentor: 1 forekomst \(afsnit 8\)/);
    expect(r.stdout).toMatch(/Aktivitetsparat \(afsnit 4\)/);
    expect(r.stdout).toMatch(/010190-\*\*\*\* \(afsnit 6\)/);
    expect(r.stdout).not.toMatch(/\blinje \d/);
  });

  test('markdown report', async () => {
    const r = await runMain(['analyze', file, '--format', 'markdown'], { evidence: null });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/afsnit [78]\b/);
    expect(r.stdout).not.toMatch(/\blinje \d/);
  });

  test('a text file keeps line numbers', async () => {
    const txt = path.join(tempDir(), 'plan.txt');
    fs.writeFileSync(txt, 'Jobplan\n\nVi aftaler virksomhedspraktik hos Netto i 4 uger.\n');
    const r = await runMain(['analyze', txt], { evidence: null });
    expect(r.stdout).toMatch(/Virksomhedspraktik: 1 forekomst \(linje 3\)/);
    expect(r.stdout).not.toMatch(/\bafsnit \d/);
  });
});
