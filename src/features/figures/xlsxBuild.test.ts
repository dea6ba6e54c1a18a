// The workbook the XLSX worker builds: its steps in order, and a file that reads back.
import readExcelFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { figureItemsFromEvents } from '../../domain';
import { EVENTS, NOORD } from '../../domain/figures/testItems';
import { buildXlsx, type XlsxStep } from './xlsxBuild';

describe('buildXlsx', () => {
  it('says each step as it starts and gives a workbook with the site names it was handed', async () => {
    const steps: XlsxStep[] = [];
    const blob = await buildXlsx(
      {
        items: figureItemsFromEvents(EVENTS),
        filter: { from: '2026-11-01', to: '2026-11-30' },
        lang: 'nl',
        siteNames: { [NOORD]: 'Recyclagepark Noord' },
      },
      (step) => steps.push(step),
    );
    expect(steps).toEqual(['build', 'pack']);
    const sheets = await readExcelFile(Buffer.from(await blob.arrayBuffer()));
    expect(sheets.map((s) => s.sheet)).toContain('Toestellen');
    const items = sheets.find((s) => s.sheet === 'Toestellen')?.data ?? [];
    const park = (items[0] ?? []).indexOf('Recyclagepark');
    expect(items.slice(1).map((row) => row[park])).toContain('Recyclagepark Noord');
  });
});
