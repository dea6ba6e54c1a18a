// The server's export files with a region's repair café days: the ORDS file holds the café's
// powered visits after the kringwinkels' rows (each naming its region as data provider over
// several regions), the workbook adds the café sheets; the items CSV stays the pilot's.
import Papa from 'papaparse';
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { makeExportFile } from '../../server/exportFiles';
import type { ExportSpec } from '../../server/exportFiles';
import { CAFE, foldSpec, session, sessionCode } from '../../src/domain/cafe/testVisits';
import { figureItemsFromEvents } from '../../src/domain/figures/itemFacts';
import { EVENTS, SHOP } from '../../src/domain/figures/testItems';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const S = sessionCode(1);
const CAFE_DAYS = {
  sessions: [session(1, '2026-11-14', CAFE, { volunteers: 4, volunteerHours: 12 })],
  visits: [
    foldSpec({
      n: 1,
      session: S,
      category: 14,
      outcome: { status: 'fixed', fault: 'Zekering', minutes: 5 },
    }),
    foldSpec({
      n: 2,
      session: S,
      category: 0,
      unpoweredKind: 'bike',
      outcome: { status: 'fixed', fault: 'Band', minutes: 5 },
    }),
  ],
};
const spec = (file: ExportSpec['file'], regions = false): ExportSpec => ({
  file,
  filter: NOVEMBER,
  lang: 'nl',
  tenantName: 'Regio Brugge',
  siteNames: new Map([
    [SHOP, 'Kringwinkel Centrum'],
    [CAFE, 'Repair Café Centrum'],
  ]),
  ...(regions ? { siteRegions: new Map([[CAFE, 'Regio Café']]) } : {}),
});
const ITEMS = figureItemsFromEvents(EVENTS);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('export files with café days', () => {
  it('writes the café’s powered rows into the ORDS file after the kringwinkels’', async () => {
    const without = Papa.parse<Record<string, string>>(
      text(await makeExportFile(spec('ords.csv'), ITEMS, [])),
      { header: true, skipEmptyLines: true },
    ).data;
    const rows = Papa.parse<Record<string, string>>(
      text(await makeExportFile(spec('ords.csv'), ITEMS, [], CAFE_DAYS)),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows).toHaveLength(without.length + 1); // the bike is counted, not written
    expect(rows.filter((r) => r.group_identifier === 'Repair Café Centrum')).toMatchObject([
      { repair_status: 'Fixed', event_date: '2026-11-14', data_provider: 'Regio Brugge' },
    ]);
    const over = Papa.parse<Record<string, string>>(
      text(await makeExportFile(spec('ords.csv', true), ITEMS, [], CAFE_DAYS)),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(over.find((r) => r.group_identifier === 'Repair Café Centrum')?.data_provider).toBe(
      'Regio Café',
    );
  });

  it('names a café’s rows by its ORDS group name where it has one', async () => {
    const named = { ...spec('ords.csv'), ordsGroups: new Map([[CAFE, 'RC Centrum Brugge']]) };
    const rows = Papa.parse<Record<string, string>>(
      text(await makeExportFile(named, ITEMS, [], CAFE_DAYS)),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows.filter((r) => r.group_identifier === 'RC Centrum Brugge')).toHaveLength(1);
    expect(rows.filter((r) => r.group_identifier === 'Repair Café Centrum')).toHaveLength(0);
  });

  it('adds the café sheets to the workbook', async () => {
    const bytes = await makeExportFile(spec('items.xlsx'), ITEMS, [], CAFE_DAYS);
    const sheets = await readExcelFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet).slice(-3)).toEqual([
      'Repair café cijfers',
      'Cafédagen',
      'Bezoeken',
    ]);
  });
});
