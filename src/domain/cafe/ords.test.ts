// Café ORDS rows checked by the Frictionless validator `tableschema` against the ORDS v0.3
// aggregate schema, as the pilot's export is (../figures/ords.test.ts).
// eslint-disable-next-line no-restricted-imports -- test only: tableschema reads Node streams
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { Table } from 'tableschema';
import { describe, expect, it } from 'vitest';
import { figureItemsFromEvents } from '../figures/itemFacts';
import { ORDS_FIELDS, ordsCsv, ordsRecords } from '../figures/ords';
import { ordsValidationSchema } from '../figures/ordsSchema';
import { EVENTS, SHOP } from '../figures/testItems';
import { cafeOrdsRows } from './ords';
import { CAFE, foldSpec, session, sessionCode, ticketOf } from './testVisits';

async function problems(csv: string): Promise<string[]> {
  try {
    const table = await Table.load(() => Readable.from([csv]), {
      schema: ordsValidationSchema(),
    });
    await Promise.resolve(table.read({ extended: true }));
    return [];
  } catch (error) {
    const { message, errors } = error as { message: string; errors?: { message: string }[] };
    return errors?.length ? errors.map((e) => e.message) : [message];
  }
}

const S = sessionCode(1);
const SESSIONS = [session(1, '2026-11-14', CAFE, { volunteers: 4, volunteerHours: 12 })];
const VISITS = [
  foldSpec({
    n: 1,
    session: S,
    category: 14,
    brand: 'Philips',
    ageYears: 6,
    outcome: { status: 'fixed', fault: 'Thermostaat defect', solution: 'vervangen', minutes: 20 },
  }),
  foldSpec({
    n: 2,
    session: S,
    category: 34,
    outcome: {
      status: 'repairable',
      nextStep: 'professional-help',
      spareParts: 'needed',
      partsSource: 'manufacturer',
      fault: 'Motorborstels versleten',
      minutes: 25,
    },
  }),
  foldSpec({
    n: 3,
    session: S,
    category: 31,
    ageYears: 2.5,
    outcome: { status: 'end-of-life', barrier: 2, fault: '=verwarmingselement', minutes: 10 },
  }),
  // Unpowered, fixed: counted in the figures, not an ORDS row.
  foldSpec({
    n: 4,
    session: S,
    category: 0,
    unpoweredKind: 'textile',
    weightKg: 1,
    outcome: { status: 'fixed', fault: 'rits', minutes: 15 },
  }),
  // No outcome yet: not a row.
  foldSpec({ n: 5, session: S, category: 14 }),
];
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const OPTIONS = {
  dataProvider: 'Repair zkt HUB Brugge',
  ordsGroup: (site: string) => (site === CAFE ? 'Repair Café Centrum' : site),
};

describe('cafeOrdsRows', () => {
  const rows = cafeOrdsRows(VISITS, SESSIONS, NOVEMBER, OPTIONS);

  it('writes a row per powered visit with an outcome, status, barrier, group, date and age', () => {
    expect(rows.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id));
    const byStatus = Object.fromEntries(rows.map((r) => [r.repair_status, r]));
    expect(Object.keys(byStatus).sort()).toEqual(['End of life', 'Fixed', 'Repairable']);
    expect(byStatus.Fixed).toMatchObject({
      brand: 'Philips',
      product_age: '6',
      product_category: 'Kettle',
      product_category_id: 14,
      partner_product_category: 'Waterkoker',
      group_identifier: 'Repair Café Centrum',
      event_date: '2026-11-14',
      problem: 'Thermostaat defect: vervangen',
      repair_barrier_if_end_of_life: '',
      data_provider: 'Repair zkt HUB Brugge',
      country: 'BEL',
    });
    expect(byStatus['End of life']).toMatchObject({
      repair_barrier_if_end_of_life: 'Spare parts too expensive',
      product_age: '2.5',
      brand: 'Unknown',
    });
    expect(byStatus.Repairable?.problem).toBe('Motorborstels versleten');
    expect(rows.every((r) => r.problem.trim() !== '')).toBe(true);
    expect(rows.every((r) => /^bewaarcafe-\d+$/.test(r.id))).toBe(true);
  });

  it('does not write unpowered visits nor visits without an outcome', () => {
    expect(rows).toHaveLength(3);
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(3);
    expect(VISITS[3]?.ticket).toBe(ticketOf(4));
  });

  it('passes the ORDS v0.3 table schema, alone and in one file with the kringwinkels’ rows', async () => {
    const alone = ordsCsv(rows);
    expect(alone.split('\n')[0]).toBe(ORDS_FIELDS.join(','));
    expect(await problems(alone)).toEqual([]);
    // A fault that starts like a formula is written as text, and still validates.
    expect(alone).toContain("'=verwarmingselement");
    const pilot = ordsRecords(figureItemsFromEvents(EVENTS), NOVEMBER, {
      dataProvider: 'Repair zkt HUB Brugge',
      siteName: (id: string) => (id === SHOP ? 'Kringwinkel Centrum' : id),
    });
    expect(pilot.length).toBeGreaterThan(0);
    const both = ordsCsv([...pilot, ...rows]);
    expect(await problems(both)).toEqual([]);
    const parsed = Papa.parse<Record<string, string>>(both, { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.group_identifier).sort()).toEqual(
      [...pilot.map(() => 'Kringwinkel Centrum'), ...rows.map(() => 'Repair Café Centrum')].sort(),
    );
  });

  it('is a validator that would catch an empty id or a wrong status', async () => {
    const [good] = rows;
    if (!good) throw new Error('no row');
    expect(await problems(ordsCsv([{ ...good, repair_status: 'fixed' }]))).toEqual([
      expect.stringMatching(/"enum" constraint for column "repair_status"/),
    ]);
    expect(await problems(ordsCsv([{ ...good, product_age: 'zes' }]))).toEqual([
      expect.stringMatching(/product_age/),
    ]);
  });
});
