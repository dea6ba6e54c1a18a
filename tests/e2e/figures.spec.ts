// The coordinator filters one park and one month, downloads XLSX, CSV and ORDS, and the files,
// parsed back, hold the same totals as the screen. Dutch text with accents, quotes, semicolons
// and a line break comes through every file. And a whole year of the demo season: every download
// is made under the app's CSP (a year's workbook is big enough that a zip library would compress
// it in a worker) and holds the year's figures.
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { ORDS_FIELDS } from '../../src/domain';
import { newCode } from '../support/codes';
import { expectAccessible } from './pages/axe';
import {
  enrollSender as enroll,
  eventBy as event,
  pushAll as push,
  serverFigures,
  signIn,
} from './pages/api';
import { belgianNumber as number, FiguresScreen } from './pages/Figures';

const NOTE = 'Café-toestel; "bijna" nieuw — één knop, geïnspecteerd\nTweede regel: ë en ï';

async function figure(page: Page, key: string): Promise<string> {
  return new FiguresScreen(page).figure(key);
}

async function downloadFile(page: Page, button: string): Promise<Buffer> {
  return (await new FiguresScreen(page).download(button)).bytes;
}

test('the figures of one park and one month equal the totals of every export', async ({ page }) => {
  test.setTimeout(180_000);
  // Today's work at Recyclagepark Noord, pushed as the devices would: two kettles repaired and
  // sold (one with a long Dutch note), one rejected for lack of spare parts.
  const park = await enroll('DEMO-NOORD', 'demo-an-peeters');
  const shop = await enroll('DEMO-WINKEL', 'demo-t-01');
  const [sold1, sold2, rejected] = [newCode('item'), newCode('item'), newCode('item')];
  const registration = (code: string, note?: string) =>
    event(park, 'item.registered', code, {
      category: 14,
      brand: 'Tefal',
      condition: 'works',
      complete: true,
      weightKg: 1.25,
      weighed: true,
      photos: [],
      ...(note ? { note } : {}),
    });
  await push(park, [registration(sold1, NOTE), registration(sold2), registration(rejected)]);
  const repairAndSell = (code: string, price: number) => [
    event(shop, 'item.received', code, {}),
    event(shop, 'item.safety-tested', code, { result: 'pass', method: 'PAT klasse I' }),
    event(shop, 'item.repaired', code, {
      fault: 'Schakelaar; "los"',
      action: 'Vervangen',
      parts: [],
      minutes: 12,
      worker: 'T-01',
    }),
    event(shop, 'item.priced', code, { priceEur: price, warrantyMonths: 12 }),
    event(shop, 'item.sold', code, { priceEur: price }),
  ];
  await push(shop, [
    ...repairAndSell(sold1, 15),
    ...repairAndSell(sold2, 12.5),
    event(shop, 'item.received', rejected, {}),
    event(shop, 'item.rejected', rejected, { reason: 1, destination: 'recycling' }),
  ]);

  // The coordinator, one tap from the demo welcome; this month is the default period.
  await new FiguresScreen(page).openAsCoordinator();
  await page.getByLabel('Park of winkel').selectOption({ label: 'Recyclagepark Noord (park)' });
  // Our three are in once the first pull has folded them.
  await expect
    .poll(async () => number((await figure(page, 'figures.rejected')).split(' ')[0] ?? '0'), {
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(1);
  await expectAccessible(page, 'figures');
  await page.screenshot({ path: 'test-results/figures-screen.png', fullPage: true });

  const registered = number((await figure(page, 'figures.registered')).split(' ')[0] ?? '');
  const soldText = await figure(page, 'figures.sold'); // "n · x kg · € y,yy"
  const soldCount = number(soldText.split(' ')[0] ?? '');
  const revenue = number(soldText.split(/€\s/)[1] ?? '');
  const rejectedCount = number((await figure(page, 'figures.rejected')).split(' ')[0] ?? '');
  expect(registered).toBeGreaterThanOrEqual(3);
  expect(soldCount).toBeGreaterThanOrEqual(2);
  expect(revenue).toBeGreaterThanOrEqual(27.5);
  const month = new Date().toISOString().slice(0, 7);
  const inMonth = (day: unknown) => typeof day === 'string' && day.startsWith(month);

  // Items CSV: UTF-8 with BOM, semicolons; the rows registered and sold this month match.
  const csvBytes = await downloadFile(page, 'Toestellen (CSV)');
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = Papa.parse<Record<string, string>>(csvBytes.toString('utf8').slice(1), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  });
  expect(csv.errors).toEqual([]);
  expect(csv.data.filter((r) => inMonth(r.Geregistreerd))).toHaveLength(registered);
  const csvSold = csv.data.filter((r) => inMonth(r.Verkocht));
  expect(csvSold).toHaveLength(soldCount);
  expect(csvSold.reduce((sum, r) => sum + number(r['Verkoopprijs (€)'] ?? '0'), 0)).toBeCloseTo(
    revenue,
    2,
  );
  expect(csv.data.find((r) => r.Code === sold1)?.Opmerking).toBe(NOTE);

  // XLSX: real cells; the items sheet gives the same totals, the note is intact.
  const xlsx = await downloadFile(page, 'Excel (XLSX)');
  const rows = await readSheet(xlsx, 'Toestellen');
  const header = rows[0] as string[];
  const col = (name: string) => header.indexOf(name);
  const day = (cell: unknown) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);
  const body = rows.slice(1);
  expect(body.filter((r) => inMonth(day(r[col('Geregistreerd')])))).toHaveLength(registered);
  const xlsxSold = body.filter((r) => inMonth(day(r[col('Verkocht')])));
  expect(xlsxSold).toHaveLength(soldCount);
  expect(xlsxSold.reduce((sum, r) => sum + Number(r[col('Verkoopprijs (€)')]), 0)).toBeCloseTo(
    revenue,
    2,
  );
  expect(typeof xlsxSold[0]?.[col('Verkoopprijs (€)')]).toBe('number');
  expect(body.find((r) => r[col('Code')] === sold1)?.[col('Opmerking')]).toBe(NOTE);

  // ORDS: comma-separated as the Open Repair Alliance publishes it; the end-of-life rows are the
  // screen's rejections with an ORDS reason, our repaired kettles are "Fixed".
  const ords = Papa.parse<Record<string, string>>(
    (await downloadFile(page, 'Open Repair Data (ORDS)')).toString('utf8'),
    { header: true, delimiter: ',', skipEmptyLines: true },
  );
  expect(ords.errors).toEqual([]);
  expect(Object.keys(ords.data[0] ?? {})).toContain('repair_status');
  const withOrdsReason = await page
    .locator('table')
    .filter({ hasText: 'Afgekeurd per reden' })
    .locator('tbody tr')
    .filter({ hasNotText: 'Niemand wil het kopen' })
    .locator('td:first-of-type')
    .allTextContents();
  expect(ords.data.filter((r) => r.repair_status === 'End of life')).toHaveLength(
    withOrdsReason.reduce((sum, n) => sum + number(n), 0),
  );
  expect(rejectedCount).toBeGreaterThanOrEqual(1);
  expect(ords.data.filter((r) => r.repair_status === 'Fixed').length).toBeGreaterThanOrEqual(2);
  expect(new Set(ords.data.map((r) => r.id)).size).toBe(ords.data.length);

  // The printed report: the figures, charts and method, without the app's header and buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Rapport afdrukken' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Rekenmethode' })).toBeVisible();
  await expect(page.getByText('Recyclagepark Noord', { exact: false }).first()).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: 'test-results/figures-print.png', fullPage: true });
});

test('a whole year of the demo season: every download is made under the CSP and holds the year', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const screen = new FiguresScreen(page);
  await screen.watchCsp();
  // The demo season is the six months up to yesterday: the year of its middle holds most of it.
  const year = new Date(Date.now() - 91 * 86_400_000).toISOString().slice(0, 4);
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const inYear = (day: unknown) => typeof day === 'string' && day.startsWith(`${year}-`);
  const server = await serverFigures(await signIn('coordinator', 'bewaar-demo'), from, to);
  expect(server.registered.count).toBeGreaterThan(100);

  await screen.openAsCoordinator();
  await screen.pickYear(year);
  // The device has the whole season once its pull is done: then it counts what the server does.
  await expect
    .poll(() => screen.count('figures.registered'), { timeout: 90_000 })
    .toBe(server.registered.count);
  await expectAccessible(page, 'figures of a year');
  const registered = await screen.count('figures.registered');
  const soldText = await screen.figure('figures.sold'); // "n · x kg · € y,yy"
  const soldCount = number(soldText.split(' ')[0] ?? '');
  const revenue = number(soldText.split(/€\s/)[1] ?? '');
  expect(soldCount).toBeGreaterThan(0);

  // XLSX first: it is the file that never came. The screen says what it is doing meanwhile.
  const beforeExports = screen.cspViolations.length;
  const xlsx = await screen.download('Excel (XLSX)');
  // Its steps as the coordinator reads them (the middle one can be too quick to be shown).
  expect(xlsx.statuses).toContain('Bestand maken… Stap 1 van 3: de gegevens op dit toestel lezen.');
  expect(xlsx.statuses).toContain(
    'Bestand maken… Stap 3 van 3: het Excel-bestand schrijven en inpakken.',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Bestand maken' })).toBeHidden();
  expect(await readSheet(xlsx.bytes, 'Cijfers')).toContainEqual(
    expect.arrayContaining(['Geregistreerd', registered]),
  );
  const rows = await readSheet(xlsx.bytes, 'Toestellen');
  const header = rows[0] as string[];
  const col = (name: string) => header.indexOf(name);
  const day = (cell: unknown) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell);
  const body = rows.slice(1);
  expect(body.filter((r) => inYear(day(r[col('Geregistreerd')])))).toHaveLength(registered);
  const xlsxSold = body.filter((r) => inYear(day(r[col('Verkocht')])));
  expect(xlsxSold).toHaveLength(soldCount);
  expect(xlsxSold.reduce((sum, r) => sum + Number(r[col('Verkoopprijs (€)')]), 0)).toBeCloseTo(
    revenue,
    2,
  );
  const made = `${year}: ${body.length} item rows, ${xlsx.bytes.length} bytes, ${xlsx.ms} ms from click to file`;
  test.info().annotations.push({ type: 'year XLSX', description: made });
  console.info(`year XLSX ${made}`);

  // Items CSV: the same items as the workbook, the same year's totals.
  const csvFile = await screen.download('Toestellen (CSV)');
  const csv = Papa.parse<Record<string, string>>(csvFile.bytes.toString('utf8').slice(1), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  });
  expect(csv.errors).toEqual([]);
  expect(csv.data.map((r) => r.Code)).toEqual(body.map((r) => r[col('Code')]));
  expect(csv.data.filter((r) => inYear(r.Geregistreerd))).toHaveLength(registered);
  expect(csv.data.filter((r) => inYear(r.Verkocht))).toHaveLength(soldCount);

  // ORDS: the schema's header; the end-of-life rows are the year's rejections with an ORDS
  // reason; every record's outcome is of this year.
  const ordsFile = await screen.download('Open Repair Data (ORDS)');
  const ords = Papa.parse<Record<string, string>>(ordsFile.bytes.toString('utf8'), {
    header: true,
    delimiter: ',',
    skipEmptyLines: true,
  });
  expect(ords.errors).toEqual([]);
  expect(ords.meta.fields).toEqual([...ORDS_FIELDS]);
  const withOrdsReason = await page
    .locator('table')
    .filter({ hasText: 'Afgekeurd per reden' })
    .locator('tbody tr')
    .filter({ hasNotText: 'Niemand wil het kopen' })
    .locator('td:first-of-type')
    .allTextContents();
  expect(ords.data.filter((r) => r.repair_status === 'End of life')).toHaveLength(
    withOrdsReason.reduce((sum, n) => sum + number(n), 0),
  );
  const fixed = ords.data.filter((r) => r.repair_status === 'Fixed');
  expect(fixed.length).toBeGreaterThan(0);
  expect(ords.data.every((r) => inYear(r.event_date))).toBe(true);
  expect(new Set(ords.data.map((r) => r.id)).size).toBe(ords.data.length);

  // Traceability: every event of the year, each item registered this year with its registration.
  const traceFile = await screen.download('Traceerbaarheid (CSV)');
  const trace = Papa.parse<Record<string, string>>(traceFile.bytes.toString('utf8').slice(1), {
    header: true,
    delimiter: ';',
    skipEmptyLines: true,
  });
  expect(trace.errors).toEqual([]);
  expect(trace.meta.fields?.slice(0, 3)).toEqual(['Code', 'Gebeurtenis', 'Tijd (Brussel)']);
  expect(trace.data.every((r) => inYear(r['Tijd (Brussel)']))).toBe(true);
  const registrations = new Set(
    trace.data.filter((r) => r.Gebeurtenis === 'Geregistreerd').map((r) => r.Code),
  );
  // People and devices by name (the season's technicians by worker code), never by id.
  expect(new Set(trace.data.map((r) => r.Persoon))).toContain('An Peeters');
  expect(new Set(trace.data.map((r) => r.Persoon))).toContain('T-01');
  expect(trace.data.filter((r) => /^demo-|[0-9a-f]{8}-[0-9a-f]{4}-/.test(r.Persoon ?? ''))).toEqual(
    [],
  );
  expect(new Set(trace.data.map((r) => r.Toestel))).toContain('Tablet Recyclagepark Noord (demo)');
  expect(trace.data.filter((r) => /^demo-|[0-9a-f]{8}-[0-9a-f]{4}-/.test(r.Toestel ?? ''))).toEqual(
    [],
  );
  const registeredCodes = csv.data.filter((r) => inYear(r.Geregistreerd)).map((r) => r.Code);
  expect(registeredCodes.filter((c) => !registrations.has(c ?? ''))).toEqual([]);
  expect(trace.data.length).toBeGreaterThan(registered * 3);

  // Nothing the CSP refused while the files were made, and nothing it refused in the console.
  expect(screen.cspViolations.slice(beforeExports)).toEqual([]);
  expect(screen.cspInConsole()).toEqual([]);

  // A workbook that cannot be made (here: its worker never starts) is said so in Dutch, and the
  // buttons work again.
  await page.evaluate(() => {
    class WorkerThatFails extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.dispatchEvent(new ErrorEvent('error', { message: 'no start' })), 0);
      }
      postMessage(): void {}
      terminate(): void {}
    }
    Object.assign(window, { Worker: WorkerThatFails });
  });
  await page.getByRole('button', { name: 'Excel (XLSX)' }).click();
  await expect(page.getByText('Het bestand kon niet gemaakt worden.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Bestand maken' })).toBeHidden();
  for (const button of ['Excel (XLSX)', 'Toestellen (CSV)', 'Traceerbaarheid (CSV)']) {
    await expect(page.getByRole('button', { name: button })).toBeEnabled();
  }
});
