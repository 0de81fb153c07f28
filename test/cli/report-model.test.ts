import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../src/core/engine';
import { bundledEvidence } from '../../src/core/evidence';
import { buildReport, type ReportContext } from '../../src/cli/report';
import { renderText } from '../../src/cli/format-text';
import { escapeMd, renderMarkdown } from '../../src/cli/format-markdown';
import { ROOT } from './helpers';

/** The text and Markdown reports render one model: every sentence of it appears in both. */

const set = bundledEvidence();

describe.each(['jobparat-mangelfuld.txt', 'aktivitetsparat-god.txt', 'psykisk-lidelse-mangelfuld.txt'])('%s', (name) => {
  const text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
  const ctx: ReportContext = { text, source: name, evidenceVersion: set.version, register: 'fagperson', style: 'short', groups: { add: [], remove: [] } };
  const model = buildReport(analyze(text, {}, set), set, ctx);
  const txt = renderText(model);
  const md = renderMarkdown(model);

  test('the model has cards', () => expect(model.sections.flatMap((s) => s.cards).length).toBeGreaterThan(0));

  test('every heading, card, meta line, note and citation is in both reports', () => {
    for (const sec of model.sections) {
      expect(txt).toContain(sec.heading);
      expect(md).toContain(`## ${sec.heading}`);
      for (const card of sec.cards) {
        expect(txt).toContain(card.text);
        expect(md).toContain(escapeMd(card.text));
        const meta = card.meta.join(' · ');
        expect(txt).toContain(meta);
        expect(md).toContain(`*${meta}*`);
        for (const c of card.citations) {
          expect(txt).toContain(c.label);
          expect(md).toContain(escapeMd(c.label));
        }
      }
    }
    for (const i of model.instruments) {
      expect(txt).toContain(`${i.label}: ${i.summary}`);
      expect(md).toContain(`**${i.label}**: ${i.summary}`);
    }
    expect(txt).toContain(model.caveat);
    expect(md).toContain(model.caveat);
  });
});
