import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cafeSessionsCsv, cafeVisitsCsv, cafeXlsxSheets } from './exports';
import { cafeMethodLines, cafeMethodText } from './method';
import { CAFE, foldSpec, session, sessionCode } from './testVisits';

const S = sessionCode(1);
const SESSIONS = [session(1, '2026-11-14', CAFE, { volunteers: 4, volunteerHours: 12.5 })];
const VISITS = [
  foldSpec({
    n: 2,
    session: S,
    category: 0,
    unpoweredKind: 'bike',
    consent: true,
    outcome: {
      status: 'repairable',
      nextStep: 'do-it-yourself',
      spareParts: 'needed',
      fault: 'ketting',
      minutes: 10,
    },
  }),
  foldSpec({
    n: 1,
    session: S,
    category: 14,
    weightKg: 1.25,
    outcome: { status: 'fixed', fault: 'zekering', solution: 'vervangen', minutes: 20 },
  }),
];
const FILTER = { from: '2026-11-01', to: '2026-11-30' };
const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;

describe('café exports', () => {
  it('writes the sessions with their outcome counts, in Belgian CSV', () => {
    const csv = cafeSessionsCsv(SESSIONS, VISITS, FILTER, {
      siteName: () => 'Repair Café Centrum',
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parse(csv)).toEqual([
      [
        'Cafédag',
        'Datum',
        'Repair café',
        'Plaats',
        'Bezoeken',
        'Hersteld',
        'Herstelbaar',
        'Einde levensduur',
        'Vrijwilligers',
        'Vrijwilligersuren',
        'Status',
      ],
      [S, '2026-11-14', 'Repair Café Centrum', '', '2', '1', '1', '0', '4', '12,5', 'gesloten'],
    ]);
  });

  it('writes the visits in number order with their outcome and no consent or contact column', () => {
    const rows = parse(cafeVisitsCsv(VISITS, SESSIONS, FILTER, { lang: 'fr' }));
    expect(rows[0]).not.toContain('followUpConsent');
    expect(rows.slice(1).map((r) => [r[1], r[5], r[11], r[12], r[17]])).toEqual([
      ['1', 'Bouilloire', 'réparé', '', '1,25'],
      ['2', 'Vélo', 'réparable', 'à faire soi-même', ''],
    ]);
  });

  it('adds café sheets to the workbook only when the period has a café day', () => {
    expect(cafeXlsxSheets(VISITS, SESSIONS, FILTER).map((s) => s.sheet)).toEqual([
      'Repair café cijfers',
      'Cafédagen',
      'Bezoeken',
    ]);
    expect(cafeXlsxSheets(VISITS, SESSIONS, { from: '2027-01-01', to: '2027-01-31' })).toEqual([]);
  });

  it('states the café method with its factors in each language and their source', () => {
    expect(cafeMethodText('nl').join(' ')).toMatch(/× 0,5.*32,07 kg.*17,70 kg/);
    expect(cafeMethodText('fr').join(' ')).toMatch(/× 0,5.*32,07 kg.*17,70 kg/);
    expect(cafeMethodText('en').join(' ')).toMatch(/× 0\.5.*32\.07 kg.*17\.70 kg/);
    expect(cafeMethodLines('nl').at(-1)).toContain('restarters.net');
  });
});
