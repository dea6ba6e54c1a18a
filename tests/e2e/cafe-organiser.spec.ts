// The repair café organiser on a laptop: today's café day at Repair Café Centrum (pushed as the
// door tablet and a fixer's phone would, with one visitor's follow-up contact), its figures on the
// session's page, an ORDS file whose rows are the day's powered visits with an outcome and which
// holds no contact data, the follow-up list with the contact, and the contact erased on request.
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { ORDS_FIELDS } from '../../src/domain';
import { newCode } from '../support/codes';
import { expectAccessible } from './pages/axe';
import { enrollSender as enroll, eventBy as event, pushAll as push } from './pages/api';
import { BASE_URL } from './support';

const CONTACT = { firstName: 'Godelieve', phone: '+32 470 12 34 56', email: 'gode@voorbeeld.be' };

async function shoot(page: Page, name: string): Promise<void> {
  for (const [w, h, size] of [
    [1280, 800, 'laptop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `docs/screenshots/cafe-organiser-${name}-${size}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the organiser sees a café day’s figures, downloads its ORDS rows and erases a contact', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const door = await enroll('DEMO-CAFE', 'demo-host-els');
  const fixer = await enroll('DEMO-CAFE', 'demo-fixer-f01');
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Brussels' });
  const session = newCode('session');
  const tickets = [1, 2, 3, 4, 5].map(() => newCode('ticket'));
  const [kettle, vacuum, toaster, misc, textile] = tickets as [
    string,
    string,
    string,
    string,
    string,
  ];
  const checkIn = (ticket: string, number: number, category: number, consent = false) =>
    event(door, 'visit.checked-in', ticket, {
      session,
      number,
      category,
      ...(category === 0 ? { unpoweredKind: 'textile' as const } : {}),
      ...(category === 14 ? { brand: 'Philips' } : {}),
      problem: 'Doet het niet meer; "zegt" niets',
      skill: category === 0 ? 'textile' : 'electric',
      waiver: true,
      followUpConsent: consent,
    });
  await push(door, [
    event(door, 'session.opened', session, {
      date: today,
      tables: [
        { name: 'Tafel 1', skill: 'electric' },
        { name: 'Naaiatelier', skill: 'textile' },
      ],
    }),
    checkIn(kettle, 1, 14),
    checkIn(vacuum, 2, 34, true),
    checkIn(toaster, 3, 31),
    checkIn(misc, 4, 18),
    checkIn(textile, 5, 0),
  ]);
  const contact = await fetch(`${BASE_URL}/api/v1/cafe/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${door.token}` },
    body: JSON.stringify({ ticket: vacuum, ...CONTACT }),
  });
  expect(contact.status).toBe(200);
  const outcome = (ticket: string, data: Parameters<typeof event<'visit.repaired'>>[3]) =>
    event(fixer, 'visit.repaired', ticket, data);
  await push(fixer, [
    outcome(kettle, {
      status: 'fixed',
      fault: 'Thermostaat',
      solution: 'vervangen',
      minutes: 20,
      fixer: 'F-01',
    }),
    outcome(vacuum, {
      status: 'repairable',
      nextStep: 'professional-help',
      spareParts: 'needed',
      partsSource: 'manufacturer',
      fault: 'Motorborstels versleten',
      minutes: 25,
      fixer: 'F-01',
    }),
    outcome(toaster, {
      status: 'end-of-life',
      barrier: 2,
      fault: 'Element',
      minutes: 10,
      fixer: 'F-01',
    }),
    outcome(misc, { status: 'fixed', fault: 'Draad los', minutes: 15, fixer: 'F-01' }),
    outcome(textile, { status: 'fixed', fault: 'Naad', minutes: 30, fixer: 'F-01' }),
  ]);
  await push(door, [
    event(door, 'visit.checked-out', misc, { weightKg: 2 }),
    event(door, 'visit.checked-out', textile, { weightKg: 1.5 }),
  ]);

  // The organiser signs in on the laptop: their home is the café days.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  const form = page.getByRole('region', { name: 'Aanmelden als coördinator' });
  await form.getByLabel('Gebruikersnaam').fill('organiser');
  await form.getByLabel('Wachtwoord').fill('bewaar-demo');
  await form.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: /Cafédagen/ }).click();
  await expect(page.getByRole('heading', { name: 'Cafédagen', level: 1 })).toBeVisible();
  const row = page.locator(`tr[data-session="${session}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  // One café: no café column, so the first cell is the visits.
  await expect(row.locator('td').first()).toHaveText('5', { timeout: 30_000 });
  await expectAccessible(page, 'café days');
  await shoot(page, 'sessions');

  // The day's page: its figures, by the Restart method (fixed only).
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: /^Cafédag van / })).toBeVisible();
  const card = (key: string) => page.locator(`[data-figure="${key}"] dd`);
  await expect(card('cafe.office.figures.fixed')).toContainText('3');
  await expect(card('cafe.office.figures.repairable')).toContainText('1');
  await expect(card('cafe.office.figures.eol')).toContainText('1');
  // 44.32 × 0.5 + 2 × 32.07 × 0.5 + 1.5 × 17.70 × 0.5 = 67.505 kg
  await expect(card('cafe.office.figures.co2e')).toHaveText(/^67,5\s*kg$/);
  await expectAccessible(page, 'café day');
  await shoot(page, 'session');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /ORDS \(repair cafés\)/ }).click(),
  ]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const csv = readFileSync(path, 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(rows.meta.fields).toEqual([...ORDS_FIELDS]);
  // The day's powered visits with an outcome (the textile repair is counted, not written).
  expect(rows.data.map((r) => r.repair_status).sort()).toEqual([
    'End of life',
    'Fixed',
    'Fixed',
    'Repairable',
  ]);
  expect(rows.data.every((r) => r.group_identifier === 'Repair Café Centrum')).toBe(true);
  expect(rows.data.every((r) => r.event_date === today && r.problem !== '')).toBe(true);
  for (const part of Object.values(CONTACT)) expect(csv).not.toContain(part);

  // The follow-up list: the vacuum waits for a part, with the visitor's contact; erased on request.
  await page.getByRole('button', { name: /Opvolging/ }).click();
  const item = page.locator(`li[data-ticket="${vacuum}"]`);
  await expect(item).toContainText(CONTACT.phone, { timeout: 20_000 });
  await expect(item).toContainText('onderdeel nodig');
  await expectAccessible(page, 'follow-up');
  await shoot(page, 'followup');
  await item.getByRole('button', { name: `Contact van ${CONTACT.firstName} wissen` }).click();
  await expect(item.getByRole('alertdialog')).toContainText('voorgoed wissen');
  await expectAccessible(page, 'follow-up, erase asked');
  await item.getByRole('button', { name: 'Ja, wissen' }).click();
  await expect(item).toContainText('Geen contact (meer) bekend.');
  await expect(item).not.toContainText(CONTACT.phone);

  // Cijfers: the organiser sees the cafés' figures only, with the café method.
  await page.getByRole('button', { name: /Cijfers/ }).click();
  await expect(
    page.getByRole('heading', { name: 'Repair cafés', exact: true, level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Methode voor repair cafés' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cijfers van de pilot' })).toHaveCount(0);
  await expectAccessible(page, 'café figures');
  await shoot(page, 'figures');
  // The door closes the day: the demo café has no open day left for the other tests' doors.
  await push(door, [event(door, 'session.closed', session, { volunteers: 3, volunteerHours: 9 })]);
});

test('a coordinator adds a repair café in Beheer, enrolls its tablet, and sees its figures beside the pilot’s', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.getByRole('button', { name: /Coördinator/ }).click();
  await expect(page.getByRole('heading', { name: 'Cijfers van de pilot' })).toBeVisible();
  // The café section follows the pilot's figures, which stay as they were.
  await expect(
    page.getByRole('heading', { name: 'Repair cafés', exact: true, level: 2 }),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('heading', { name: 'Methode voor repair cafés' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Rekenmethode', exact: true })).toBeVisible();
  // The last four months: the demo's past café days (and any of today) are in.
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await page
    .getByRole('combobox', { name: 'Periode', exact: true })
    .selectOption({ label: 'Zelf kiezen' });
  await page.getByLabel('Van', { exact: true }).fill(day(Date.now() - 120 * 86_400_000));
  await page.getByLabel('Tot en met').fill(day(Date.now()));
  await expect(page.locator('[data-figure="cafe.office.figures.sessions"] dd')).not.toHaveText(
    '0',
    {
      timeout: 30_000,
    },
  );
  await expect(
    page.getByRole('button', { name: /ORDS \(repair cafés en kringwinkels\)/ }),
  ).toBeVisible();
  await page
    .getByRole('heading', { name: 'Repair cafés', exact: true, level: 2 })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/cafe-organiser-coordinator-figures-laptop.png' });

  await page.getByRole('button', { name: /Beheer/ }).click();
  const name = `Repair Café Test ${String(Date.now() % 100000)}`;
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByRole('radio', { name: 'Repair café' }).check();
  await page.getByLabel('Naam voor ORDS (group_identifier)').fill('RC Test');
  await page.getByLabel('Contactgegevens bewaren (dagen)').fill('400');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Geef een bewaartermijn van 1 tot 365 hele dagen.',
  );
  await page.getByLabel('Contactgegevens bewaren (dagen)').fill('30');
  await page.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByText(`${name} is toegevoegd.`)).toBeVisible();
  const row = page.locator('li', { hasText: name });
  await expect(row).toContainText('ORDS: RC Test · contacten 30 dagen');
  await row.getByRole('button', { name: `Toestel inschrijven voor ${name}` }).click();
  const qr = page.getByRole('img', { name: 'QR-code om een toestel in te schrijven' });
  await expect(qr).toBeVisible();
  await expect(page.getByRole('heading', { name: `Inschrijvingscode voor ${name}` })).toBeVisible();
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await expectAccessible(page, 'admin sites with a café');
  await page.screenshot({
    path: 'docs/screenshots/cafe-organiser-admin-laptop.png',
    fullPage: false,
  });
});
