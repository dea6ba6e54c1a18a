// Dutch field text must come back unchanged from every export: accents, quotes, semicolons,
// commas and line breaks, through the libraries' own readers.
// eslint-disable-next-line no-restricted-imports -- test only: tableschema reads Node streams
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { Table } from 'tableschema';
import readExcelFile from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import writeExcelBlob from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { belgianCsv, itemsCsv, traceabilityCsv } from './csv';
import { computeFigures } from './figures';
import { figureLines } from './figureLine';
import { figureItemsFromEvents } from './itemFacts';
import { ordsRecords, toOrdsCsv } from './ords';
import { ordsValidationSchema } from './ordsSchema';
import { EVENTS, NOORD, SHOP, ZUID, at, code } from './testItems';
import { roundTo, xlsxSheets } from './xlsx';

const NOTE = 'Oude föhn van "tante Irène"; werkt nog.\nKabel geïsoleerd, ë en é, café-stijl';
const FAULT = 'Schakelaar "aan/uit" hapert; contact gereinigd,\nnaïef getest';
const R = code('R');
const S = code('S');
const EXTRA = [
  at(
    '2026-11-09T09:00:00Z',
    'item.registered',
    R,
    {
      category: 14,
      brand: 'Crème & Co; "Brügge"',
      condition: 'works',
      complete: true,
      weightKg: 1.5,
      weighed: true,
      photos: [],
      note: NOTE,
    },
    NOORD,
  ),
  at('2026-11-10T09:00:00Z', 'item.received', R, {}),
  at('2026-11-10T10:00:00Z', 'item.repaired', R, {
    fault: FAULT,
    action: 'Veer vervangen',
    parts: [],
    minutes: 20,
    worker: 'W02',
  }),
  at('2026-11-11T09:00:00Z', 'item.priced', R, { priceEur: 12.5, warrantyMonths: 6 }),
  at(
    '2026-11-12T09:00:00Z',
    'item.registered',
    S,
    {
      category: 29,
      condition: 'unknown',
      complete: false,
      weightKg: 2,
      weighed: false,
      photos: [],
      note: '=HYPERLINK("http://example.com")',
    },
    NOORD,
  ),
];
const EVENTS_ALL = [...EVENTS, ...EXTRA];
const ITEMS = figureItemsFromEvents(EVENTS_ALL);
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;

describe('items CSV for Belgian Excel', () => {
  const csv = itemsCsv(ITEMS, NOVEMBER);
  const rows = parse(csv);
  const header = rows[0] ?? [];
  const rowOf = (c: string) => rows.find((r) => r[0] === c) ?? [];
  const cell = (c: string, column: string) => rowOf(c)[header.indexOf(column)];

  it('is UTF-8 with a BOM, semicolons and CRLF', () => {
    expect(csv.startsWith('\uFEFFCode;Categorie;')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${header.join(';')}`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('brings the Dutch text back unchanged', () => {
    expect(cell(R, 'Opmerking')).toBe(NOTE);
    expect(cell(R, 'Merk')).toBe('Crème & Co; "Brügge"');
    expect(cell(R, 'Categorie')).toBe('Waterkoker');
  });

  it('writes decimal commas and Brussels dates', () => {
    expect(cell(R, 'Gewicht (kg)')).toBe('1,5');
    expect(cell(R, 'Prijs (€)')).toBe('12,50');
    expect(cell(R, 'Geregistreerd')).toBe('2026-11-09');
    expect(cell(code('D'), 'Geregistreerd')).toBe('2026-11-01'); // 31 Oct 23:30 UTC
    expect(cell(R, 'Gewogen')).toBe('ja');
  });

  it('defuses a note that Excel would run as a formula', () => {
    expect(cell(S, 'Opmerking')).toBe(`'=HYPERLINK("http://example.com")`);
  });

  it('defuses a formula even when a line break follows it', () => {
    // Papa's own escapeFormulae tests the whole cell with `.*$`, which stops at the line break.
    const text = belgianCsv(['a', 'b'], [['=1+1\nx', '\t@cmd']]);
    expect(parse(text)[1]).toEqual(["'=1+1\nx", "'\t@cmd"]);
  });

  it('writes French headers on request', () => {
    expect(parse(itemsCsv(ITEMS, NOVEMBER, { lang: 'fr' }))[0]?.[1]).toBe('Catégorie');
  });
});

describe('traceability CSV', () => {
  it('lists every event of the period with its data as JSON that parses back', () => {
    const rows = parse(
      traceabilityCsv(ITEMS, EVENTS_ALL, NOVEMBER, { siteName: (s) => s.toUpperCase() }),
    );
    const repair = rows.find((r) => r[0] === R && r[1] === 'Hersteld') ?? [];
    expect(repair.slice(2, 6)).toEqual([
      '2026-11-10 11:00:00',
      EXTRA[2]?.hlc,
      SHOP.toUpperCase(),
      'p-an',
    ]);
    expect(JSON.parse(repair[8] ?? '')).toEqual(EXTRA[2]?.data);
    // One row per event of November: D's registration (Brussels 1 Nov) is in, Q's October ones are not.
    const november = EVENTS_ALL.filter(
      (e) => e.subject.startsWith('BW') && e.hlc >= '2026-10-31T23',
    );
    expect(rows).toHaveLength(1 + november.filter((e) => e.hlc < '2026-11-30T23').length);
  });

  it("names the event, the person and the device in words, in the reader's language", () => {
    const names = {
      personName: (id: string) => ({ 'p-an': 'An Peeters' })[id],
      deviceName: (id: string) => ({ 'tablet-noord': 'Tablet Park Noord' })[id],
    };
    const rows = parse(traceabilityCsv(ITEMS, EVENTS_ALL, NOVEMBER, names));
    const header = rows[0] ?? [];
    const column = (name: string) => rows.slice(1).map((r) => r[header.indexOf(name)] ?? '');
    expect(new Set(column('Persoon'))).toEqual(new Set(['An Peeters']));
    expect(new Set(column('Toestel'))).toEqual(new Set(['Tablet Park Noord']));
    const events = new Set(column('Gebeurtenis'));
    expect(events).toContain('Geregistreerd');
    expect(events).toContain('Verkocht');
    expect(events).toContain('Aangekomen in de kringwinkel');
    // No wire key left in the column: every name is a word, not `item.sold`.
    for (const name of events) expect(name).not.toMatch(/^(item|cage)\./);
    const french = parse(traceabilityCsv(ITEMS, EVENTS_ALL, NOVEMBER, { ...names, lang: 'fr' }));
    expect(french[0]?.slice(0, 2)).toEqual(['Code', 'Événement']);
    expect(new Set(french.slice(1).map((r) => r[1]))).toContain('Vendu');
  });

  it('keeps a person id it has no name for, and calls a device no enrolled one a browser', () => {
    const office = at('2026-11-10T12:00:00Z', 'item.corrected', R, { brand: 'Tefal' }, NOORD);
    const events = [...EVENTS_ALL, { ...office, device: 'a-browser', actor: 'p-coordinator' }];
    const rows = parse(
      traceabilityCsv(ITEMS, events, NOVEMBER, {
        personName: (id) => ({ 'p-an': 'An Peeters' })[id],
        deviceName: (id) => ({ 'tablet-noord': 'Tablet Park Noord' })[id],
      }),
    );
    const corrected = rows.find((r) => r[1] === 'Gecorrigeerd' && r[0] === R) ?? [];
    expect(corrected.slice(5, 7)).toEqual(['p-coordinator', 'Kantoor (browser)']);
    const registered = rows.find((r) => r[1] === 'Geregistreerd' && r[0] === R) ?? [];
    expect(registered.slice(5, 7)).toEqual(['An Peeters', 'Tablet Park Noord']);
    // Without names at all (an older caller), the ids, as before.
    const plain = parse(traceabilityCsv(ITEMS, events, NOVEMBER));
    const plainCorrected = plain.find((r) => r[1] === 'Gecorrigeerd' && r[0] === R) ?? [];
    expect(plainCorrected.slice(5, 7)).toEqual(['p-coordinator', 'a-browser']);
  });
});

describe('XLSX sheets', () => {
  it('reads back with real numbers, dates and the Dutch text', async () => {
    const buffer = await writeExcelFile(xlsxSheets(ITEMS, NOVEMBER)).toBuffer();
    const sheets = await readExcelFile(buffer);
    expect(sheets.map((s) => s.sheet)).toEqual([
      'Cijfers',
      'Toestellen',
      'Afgekeurd per reden',
      'Per maand',
      'Methode',
    ]);
    const [figures, items, rejected, monthly, method] = sheets.map((s) => s.data);
    expect(figures?.[0]).toEqual([
      'Periode',
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-11-30T00:00:00Z'),
    ]);
    expect(figures?.find((r) => r[0] === 'Verkocht')).toEqual(['Verkocht', 5, 7.49]);
    expect(figures?.find((r) => r[0] === 'Omzet (€)')?.slice(0, 2)).toEqual(['Omzet (€)', 193]);
    const header = items?.[0] ?? [];
    const row = items?.find((r) => r[0] === R) ?? [];
    expect(row[header.indexOf('Opmerking')]).toBe(NOTE);
    expect(row[header.indexOf('Merk')]).toBe('Crème & Co; "Brügge"');
    expect(row[header.indexOf('Gewicht (kg)')]).toBe(1.5);
    expect(row[header.indexOf('Gewogen')]).toBe(true);
    expect(row[header.indexOf('Geregistreerd')]).toEqual(new Date('2026-11-09T00:00:00Z'));
    expect(rejected?.[1]).toEqual(['Onderdelen te duur', 1, 6.801]);
    expect(monthly?.[2]?.slice(0, 3)).toEqual([NOORD, new Date('2026-11-01T00:00:00Z'), 7]);
    expect(method?.[0]).toEqual(['Rekenmethode']);
  });

  it('holds medians, rates, kilograms and money rounded as they are shown, reasons in words', async () => {
    // Three sales of odd prices: the revenue adds up to float noise; elapsed days to odd medians.
    const T = [code('T'), code('X'), code('Y')];
    const odd = T.flatMap((c, i) => [
      at(
        `2026-11-0${String(2 + i)}T08:17:00Z`,
        'item.registered',
        c,
        {
          category: 14,
          condition: 'works',
          complete: true,
          weightKg: 1.0004 + i / 3,
          weighed: true,
          photos: [],
        },
        NOORD,
      ),
      at(`2026-11-1${String(i)}T15:41:00Z`, 'item.received', c, {}),
      at(`2026-11-1${String(i)}T16:02:00Z`, 'item.priced', c, {
        priceEur: [0.1, 0.2, 24.5][i] ?? 1,
        warrantyMonths: 3,
      }),
      at(`2026-11-2${String(i)}T10:13:00Z`, 'item.sold', c, { priceEur: [0.1, 0.2, 24.5][i] ?? 1 }),
    ]);
    const items = figureItemsFromEvents([...EVENTS_ALL, ...odd]);
    const sheets = await readExcelFile(
      await writeExcelFile(xlsxSheets(items, NOVEMBER)).toBuffer(),
    );
    const [figures, itemRows, rejected] = sheets.map((s) => s.data);
    const value = (label: string) => figures?.find((r) => r[0] === label)?.[1];
    const decimals = (n: unknown) => (String(n).split('.')[1] ?? '').length;
    for (const [label, most] of [
      ['Omzet (€)', 2],
      ['Hergebruikpercentage', 3],
      ['Herstelpercentage', 3],
      ['Mediaan dagen park → rek', 1],
      ['Mediaan dagen park → verkoop', 1],
      ['Vermeden CO2e (kg)', 3],
      ['Vermeden afval (kg)', 3],
    ] as const) {
      expect(typeof value(label), label).toBe('number');
      expect(decimals(value(label)), `${label}: ${String(value(label))}`).toBeLessThanOrEqual(most);
    }
    const f = computeFigures(figureLines(items), NOVEMBER);
    expect(value('Omzet (€)')).toBe(Math.round(f.sold.revenueEur * 100) / 100);
    expect(value('Mediaan dagen park → verkoop')).toBe(
      Math.round((f.medianDaysParkToSale ?? 0) * 10) / 10,
    );
    expect(f.medianDaysParkToSale).not.toBe(value('Mediaan dagen park → verkoop'));
    const header = itemRows?.[0] ?? [];
    for (const row of itemRows?.slice(1) ?? []) {
      expect(decimals(row[header.indexOf('Gewicht (kg)')])).toBeLessThanOrEqual(3);
      expect(decimals(row[header.indexOf('Prijs (€)')])).toBeLessThanOrEqual(2);
    }
    // Reasons and destinations are the workshop's words, as on its screen.
    for (const row of rejected?.slice(1) ?? []) {
      if (typeof row[0] === 'string' && row[0] !== '' && row[0] !== 'Bestemming')
        expect(row[0]).toMatch(/^\p{Lu}\p{Ll}+/u);
    }
    expect(rejected?.flat()).not.toContain('onvolledig');
  });

  it('rounds half away from zero on the decimal value, not its binary neighbour', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(13.0248, 1)).toBe(13);
    expect(roundTo(-2.345, 2)).toBe(-2.35);
    expect(roundTo(1e-9, 3)).toBe(0);
    expect(roundTo(24.5, 2)).toBe(24.5);
  });

  it('also writes through the universal entry point (a Blob, as in the browser)', async () => {
    const blob = await writeExcelBlob(xlsxSheets(ITEMS, NOVEMBER, { lang: 'en' })).toBlob();
    // read-excel-file/node types its input as node:buffer's Blob; hand it the bytes instead.
    const sheets = await readExcelFile(Buffer.from(await blob.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)[0]).toBe('Figures');
  });
});

describe('ORDS CSV', () => {
  it('keeps the Dutch repair text through the ORA’s comma CSV, read by papaparse and tableschema', async () => {
    const csv = toOrdsCsv(ITEMS, NOVEMBER, { dataProvider: 'Bewaar; "Brugge"' });
    const id = ordsRecords(ITEMS, NOVEMBER, { dataProvider: 'x' }).find((r) =>
      r.problem.includes('hapert'),
    )?.id;
    const problem = `${FAULT}: Veer vervangen`;
    const rows = Papa.parse<Record<string, string>>(csv, {
      header: true,
      skipEmptyLines: true,
    }).data;
    const row = rows.find((r) => r.id === id);
    expect(row?.problem).toBe(problem);
    expect(row?.brand).toBe('Crème & Co; "Brügge"');
    expect(row?.data_provider).toBe('Bewaar; "Brugge"');
    const table = await Table.load(() => Readable.from([csv]), { schema: ordsValidationSchema() });
    // Its typings call read() synchronous; it returns a promise.
    const keyed = await Promise.resolve(table.read({ keyed: true }));
    expect(keyed.find((r) => r.id === id)?.problem).toBe(problem);
  });
});

// A hub's file over two regions: Noord's park and the shop in one, Zuid's park in the other (a
// site belongs to one region; an item is its park's region, or its shop's when it has no park).
const REGIONS: Record<string, string> = {
  [NOORD]: 'Regio Noord',
  [SHOP]: 'Regio Noord',
  [ZUID]: 'Regio Zuid',
};
const regionOfSite = (site: string) => REGIONS[site] ?? '?';

describe('files over several regions (regionOfSite)', () => {
  it('puts the region first in the items CSV and changes nothing else', () => {
    const plain = parse(itemsCsv(ITEMS, NOVEMBER));
    const csv = itemsCsv(ITEMS, NOVEMBER, { regionOfSite });
    expect(csv.startsWith('\uFEFFRegio;Code;Categorie;')).toBe(true);
    const rows = parse(csv);
    expect(rows.map((r) => r.slice(1))).toEqual(plain);
    const regionOf = (c: string) => rows.find((r) => r[1] === c)?.[0];
    expect(regionOf(code('A'))).toBe('Regio Noord');
    expect(regionOf(code('B'))).toBe('Regio Zuid');
    expect(regionOf(code('P'))).toBe('Regio Noord'); // no park: its shop's region
    expect(itemsCsv(ITEMS, NOVEMBER, { regionOfSite, lang: 'fr' }).slice(1, 8)).toBe('Région;');
  });

  it('writes a region name that starts like a formula as text', () => {
    const evil = (site: string) => (site === ZUID ? '=HYPERLINK("http://evil.example")' : '+1+1');
    for (const csv of [
      itemsCsv(ITEMS, NOVEMBER, { regionOfSite: evil }),
      traceabilityCsv(ITEMS, EVENTS_ALL, NOVEMBER, { regionOfSite: evil }),
    ]) {
      const cells = parse(csv).flatMap((row) => row.slice(0, 1));
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      expect(cells).toContain(`'=HYPERLINK("http://evil.example")`);
      expect(cells).toContain("'+1+1");
    }
  });

  it('puts the region of each event’s item first in the traceability CSV', () => {
    const plain = parse(traceabilityCsv(ITEMS, EVENTS_ALL, NOVEMBER));
    const rows = parse(traceabilityCsv(ITEMS, EVENTS_ALL, NOVEMBER, { regionOfSite }));
    expect(rows[0]?.slice(0, 3)).toEqual(['Regio', 'Code', 'Gebeurtenis']);
    expect(rows.map((r) => r.slice(1))).toEqual(plain);
    // The shop's events about a Zuid item are Zuid's: the item decides, not the event's site.
    const sale = rows.find((r) => r[1] === code('B') && r[2] === 'Verkocht');
    expect(sale?.[0]).toBe('Regio Zuid');
  });

  it('starts every table of the workbook with the region; the figures add up to all together', async () => {
    const sheets = await readExcelFile(
      await writeExcelFile(xlsxSheets(ITEMS, NOVEMBER, { regionOfSite })).toBuffer(),
    );
    const [figures, items, rejected, monthly, method] = sheets.map((s) => s.data);
    const plainItems = (
      await readExcelFile(await writeExcelFile(xlsxSheets(ITEMS, NOVEMBER)).toBuffer())
    )[1]?.data;
    expect(items?.[0]?.slice(0, 2)).toEqual(['Regio', 'Code']);
    expect(items?.map((r) => r.slice(1))).toEqual(plainItems);
    expect(items?.find((r) => r[1] === code('B'))?.[0]).toBe('Regio Zuid');
    expect(rejected?.[0]).toEqual(['Regio', 'Reden', 'Aantal', 'kg']);
    expect(rejected?.slice(1, 3)).toEqual([
      ['Regio Noord', 'Niet veilig', 1, 1.465],
      ['Regio Noord', 'Niemand wil het kopen', 1, 3.895],
    ]);
    expect(rejected).toContainEqual(['Regio Zuid', 'Onderdelen te duur', 1, 6.801]);
    expect(monthly?.[0]?.slice(0, 3)).toEqual(['Regio', 'Recyclagepark', 'Maand']);
    // P was never at a park: its row has no park (an empty cell reads back as null).
    expect(monthly?.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['Regio Noord', null],
      ['Regio Noord', NOORD],
      ['Regio Zuid', ZUID],
    ]);
    expect(method?.[0]).toEqual(['Rekenmethode']);
    // The figures sheet: each region's table, then all together.
    const registered = (region: string) =>
      figures?.find((r) => r[0] === region && r[1] === 'Geregistreerd')?.[2];
    const all = computeFigures(figureLines(ITEMS), NOVEMBER);
    expect(registered("Alle regio's")).toBe(all.registered.count);
    expect(Number(registered('Regio Noord')) + Number(registered('Regio Zuid'))).toBe(
      all.registered.count,
    );
    expect(figures?.[2]).toEqual(['Regio', 'Cijfer', 'Aantal', 'kg']);
  });

  it('leaves a file of one region exactly as it is without the option', () => {
    const oneRegion = figureItemsFromEvents(EVENTS_ALL.filter((e) => e.site !== ZUID));
    expect(itemsCsv(oneRegion, NOVEMBER)).not.toContain('Regio');
    expect(itemsCsv(oneRegion, NOVEMBER, {})).toBe(itemsCsv(oneRegion, NOVEMBER));
  });
});
