import * as fs from 'fs';
import * as path from 'path';
import { loadReal, REAL_DIR } from './real/real';

describe('test/real: real public text, labelled', () => {
  const set = loadReal();

  it('has at least 80 passages from at least 12 distinct sources', () => {
    expect(set.length).toBeGreaterThanOrEqual(80);
    const hosts = new Set(set.map((e) => new URL(e.label.source).hostname.replace(/^www\./, '')));
    expect(hosts.size).toBeGreaterThanOrEqual(12);
  });

  it('lists every text file exactly once and every listed file exists', () => {
    const listed = set.map((e) => e.file);
    expect(new Set(listed).size).toBe(listed.length);
    const onDisk = fs.readdirSync(path.join(REAL_DIR, 'texts')).filter((f) => f.endsWith('.txt')).sort();
    expect([...listed].sort()).toEqual(onDisk);
  });

  it('keeps excerpts short and free of CPR numbers', () => {
    for (const { file, text } of set) {
      const ok = text.length <= 900 && text.trim().split('\n').length <= 8 && !/\b\d{6}-?\d{4}\b/.test(text);
      expect({ file, ok }).toEqual({ file, ok: true });
    }
  });

  it('has no id both present and negated and no duplicate ids', () => {
    for (const { file, label } of set) {
      const { present, negated } = label.instruments;
      expect({ file, both: present.filter((id) => negated.includes(id)) }).toEqual({ file, both: [] });
      expect(new Set(present).size).toBe(present.length);
      expect(new Set(label.targetGroups).size).toBe(label.targetGroups.length);
    }
  });
});
