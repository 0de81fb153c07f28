import { findCpr } from '../../src/core/cpr';

const TRUE_POSITIVES = [
  'CPR: 010190-1234',
  'cpr-nr. 311299-4321',
  'Borgerens cpr 150575-2468 er oplyst.',
  'Vedr. 0101901234 – sygedagpenge',
  '(CPR 290204-1113)',
  'Hanne Jensen, 240388-3344, bor i Odense',
  'personnummer 121212-1212',
  'CPR-nummer: 050607 1234',
  'cprnr:300679-9999',
  'Søn: 010115-4007.',
  'Se 2802921111 i journalen',
  'Ægtefælle 171065–2222',
  'Nr. på borgeren: 311201-0001 (se vedhæftet)',
  'Indberettet for 010203-4567 i går',
  'CPR\u00A0010190-1234',
  'Med venlig hilsen\n010190-1234',
  '010190-1234 er sygemeldt',
  'Borger: Jens Hansen (140593-1357)',
  'cpr.: 221177-8899',
  'Oplyst cpr 0606061212.',
  'Barn født 290220-1234',
];

const FALSE_POSITIVES = [
  'Ring på tlf. 12345678',
  'Telefon: 22 33 44 55',
  'Mobil 2233445566',
  'Tlf: 010190-1234',
  'CVR 12345678',
  'CVR-nr. 32145678',
  'Beløbet er 1.234.567 kr.',
  'Udbetalt: 3101901234 kr',
  'Konto 1234-0101901234',
  'Reg.nr. 1234 kontonr. 0101901234',
  'Sagsnr. 010190-1234',
  'J.nr. 2024-0101-1234',
  'Dato 01.01.1990',
  'Mødet er 01-01-2024 kl. 10',
  '320190-1234 er ikke en gyldig dato',
  '011390-1234 har måned 13',
  '290221-1234 (ingen skuddag i 2021)',
  '+45 0101901234',
  'Faktura 0101901234',
  'EAN 5790001234567',
  '12345678901234',
  'Version 1.0101901234',
];

describe('CPR guard', () => {
  test.each(TRUE_POSITIVES)('finds the CPR number in %j', (text) => {
    const hits = findCpr(text);
    expect(hits).toHaveLength(1);
    const h = hits[0]!;
    const digits = text.slice(h.start, h.end).replace(/\D/g, '');
    expect(digits).toHaveLength(10);
    expect(h.masked).toMatch(/^\d{6}-\*\*\*\*$/);
    expect(h.masked.slice(0, 6)).toBe(digits.slice(0, 6));
  });
  test.each(FALSE_POSITIVES)('does not flag %j', (text) => {
    expect(findCpr(text)).toEqual([]);
  });
  test('at least 20 of each kind are tested', () => {
    expect(TRUE_POSITIVES.length).toBeGreaterThanOrEqual(20);
    expect(FALSE_POSITIVES.length).toBeGreaterThanOrEqual(20);
  });
  test('the mask never contains the last four digits', () => {
    for (const h of findCpr('a 010190-1234 b 0202021111 c')) expect(h.masked).not.toMatch(/1234|1111/);
  });
});
