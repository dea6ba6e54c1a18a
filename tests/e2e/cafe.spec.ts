// A repair café day on its devices against the real server: the door tablet and two fixers'
// phones enrolled online, then the hall without Wi-Fi. The door checks five items in offline; two
// phones claim the same visit offline and, once online, the later one is told plainly who has it;
// an outcome of each kind; the board (a third device, 1920×1080) shows the queue moving once the
// devices are back online; check-out. axe-core on every screen; screenshots of each.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './pages/axe';
import { DoorTablet, FixerPhone, enrollCafeDevice } from './pages/CafeDevices';

const SHOTS = 'docs/screenshots';

/** Times each check-in from the form's submit to its ticket number on screen (ms). */
async function timeTickets(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { ticketMs: number[]; sentAt: number; shown: string | null };
    w.ticketMs = [];
    w.sentAt = 0;
    w.shown = null;
    document.addEventListener(
      'submit',
      (e) => {
        if ((e.target as HTMLElement).classList.contains('cafe-checkin'))
          w.sentAt = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="ticket-number"]')?.textContent ?? null;
      if (w.sentAt > 0 && shown !== null && shown !== w.shown) {
        w.ticketMs.push(performance.now() - w.sentAt);
        w.sentAt = 0;
      }
      w.shown = shown;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test('a repair café day: offline check-in, a lost claim told, outcomes, the board, check-out', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const doorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const phoneAContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phoneBContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const door = new DoorTablet(await doorContext.newPage());
  const phoneA = new FixerPhone(await phoneAContext.newPage());
  const phoneB = new FixerPhone(await phoneBContext.newPage());
  const board = await boardContext.newPage();

  // Online: the door opens the day; the phones and the board enroll and learn of it.
  await door.enrollFromWelcome();
  await expectAccessible(door.page, 'open the café day');
  await door.page.screenshot({ path: `${SHOTS}/cafe-open-day-1280.png` });
  await door.openDay('Parochiezaal Sint-Jan');
  await expect(door.page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 20_000,
  });
  await phoneA.enroll('Gsm F-01', 'F-01');
  await phoneA.pickTable(/^Tafel 1 · Elektro$/);
  await phoneB.enroll('Gsm F-02', 'F-02');
  await expectAccessible(phoneB.page, 'pick my table');
  await phoneB.pickTable(/^Tafel 2 · Elektronica$/);
  await enrollCafeDevice(board, 'Bord in de zaal');
  await board.goto('/cafe/bord');
  await expect(board.getByRole('heading', { name: 'Wachtrij', level: 1 })).toBeVisible();
  await expect(board.locator('[data-table="Tafel 1"]')).toContainText('vrij', { timeout: 20_000 });

  // The hall has no Wi-Fi: the door checks five items in.
  await doorContext.setOffline(true);
  await timeTickets(door.page);
  const lamp = await door.checkIn({
    search: 'lamp',
    kind: /^Lamp$/,
    brand: 'Ikea',
    problem: 'Flikkert en gaat dan uit',
    age: '6',
  });
  await expectAccessible(door.page, 'door with a ticket');
  await door.page.screenshot({ path: `${SHOTS}/cafe-door-ticket-1280.png` });
  const laptop = await door.checkIn({
    search: 'laptop',
    kind: /^Laptop$/,
    brand: 'Lenovo',
    problem: 'Start niet meer op',
  });
  const radio = await door.checkIn({
    search: 'radio',
    kind: /Draagbare radio/,
    brand: 'Philips',
    problem: 'Kraakt bij het draaien aan de knop',
  });
  const trousers = await door.checkIn({
    search: 'broek',
    kind: /Kleding of textiel/,
    problem: 'Rits is kapot',
  });
  const kettle = await door.checkIn({
    search: 'waterkoker',
    kind: /^Waterkoker$/,
    brand: 'Tefal',
    problem: 'Lekt onderaan',
    contact: { firstName: 'Mia', phone: '0470 12 34 56' },
  });
  expect([lamp, laptop, radio, trousers, kettle].map((v) => v.label)).toEqual([
    '1',
    '2',
    '3',
    '4',
    '5',
  ]);
  const ticketMs = await door.page.evaluate(
    () => (window as unknown as { ticketMs: number[] }).ticketMs,
  );
  console.info(`save → ticket shown (ms): ${ticketMs.map((ms) => ms.toFixed(1)).join(', ')}`);
  expect(ticketMs).toHaveLength(5);
  await expect(door.page.getByTestId('pending')).toHaveText('5 wijzigingen nog niet verzonden');
  // Offline, the board has none of it.
  await expect(board.locator('.cafe-board-queue li')).toHaveCount(0);

  // The door is back online: the board shows the queue per skill, in order.
  await doorContext.setOffline(false);
  const electric = board.getByRole('list', { name: 'Wachten: Elektro', exact: true });
  await expect(electric.getByRole('listitem')).toHaveText(['1', '5'], { timeout: 20_000 });
  await expect(
    board.getByRole('list', { name: 'Wachten: Computers', exact: true }).getByRole('listitem'),
  ).toHaveText(['2']);
  await expect(
    board.getByRole('list', { name: 'Wachten: Textiel', exact: true }).getByRole('listitem'),
  ).toHaveText(['4']);
  await expectAccessible(board, 'queue board');
  await board.screenshot({ path: `${SHOTS}/cafe-board-1920.png` });
  await expect(door.page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden');
  // Mia's contact went to the server with that sync and the door keeps no copy (DESIGN §6).
  await expect
    .poll(() =>
      door.page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('bewaar');
            open.onerror = () => {
              reject(new Error('no database'));
            };
            open.onsuccess = () => {
              const count = open.result
                .transaction('cafeContacts')
                .objectStore('cafeContacts')
                .count();
              count.onsuccess = () => {
                resolve(count.result);
              };
            };
          }),
      ),
    )
    .toBe(0);

  // The phones learn of the queue, then lose the Wi-Fi; both claim number 1.
  await expect(phoneA.page.getByText('2 wachten voor Elektro')).toBeVisible({ timeout: 20_000 });
  await expect(phoneB.page.getByText('1 wacht voor Elektronica')).toBeVisible({ timeout: 20_000 });
  await phoneAContext.setOffline(true);
  await phoneBContext.setOffline(true);
  await phoneA.nextButton.click();
  await expect(phoneA.page.locator('.cafe-current-number')).toHaveText('1');
  await expectAccessible(phoneA.page, 'fixer with a visit');
  await phoneA.page.screenshot({ path: `${SHOTS}/cafe-fixer-visit-390.png`, fullPage: true });
  await phoneB.openTicket(lamp.code);
  await expect(phoneB.page.getByRole('heading', { name: 'Nummer 1' })).toBeVisible();
  await expectAccessible(phoneB.page, 'one visit');
  await phoneB.page.getByRole('button', { name: 'Aan mijn tafel nemen' }).click();
  await expect(phoneB.page.locator('.cafe-current-number')).toHaveText('1');

  // Back online: phone A's claim was first; phone B is told, and takes its own next.
  await phoneAContext.setOffline(false);
  await expect(phoneA.page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden', {
    timeout: 20_000,
  });
  await phoneBContext.setOffline(false);
  const told = phoneB.page
    .getByRole('alert')
    .filter({ hasText: 'Nummer 1 is al aan Tafel 1 (F-01).' });
  await expect(told).toBeVisible({ timeout: 20_000 });
  await expectAccessible(phoneB.page, 'a lost claim');
  await phoneB.page.screenshot({ path: `${SHOTS}/cafe-fixer-lost-claim-390.png` });
  await phoneB.page.getByRole('button', { name: 'Neem de volgende' }).click();
  await expect(phoneB.page.locator('.cafe-current-number')).toHaveText('3');
  // Phone A still has number 1.
  await expect(phoneA.page.locator('.cafe-current-number')).toHaveText('1');

  // The board shows the queue moving: 1 at Tafel 1, 3 at Tafel 2, only 5 waits for Elektro.
  await expect(electric.getByRole('listitem')).toHaveText(['5'], { timeout: 20_000 });
  await expect(board.locator('[data-table="Tafel 1"]')).toContainText('1');
  await expect(board.locator('[data-table="Tafel 2"]')).toContainText('3', { timeout: 20_000 });

  // One outcome of each kind.
  await phoneA.recordOutcome({
    status: 'Hersteld',
    fault: 'Losse draad in de fitting',
    solution: 'Draad vastgezet',
    minutes: '20',
  });
  await phoneB.recordOutcome({
    status: 'Nog te herstellen',
    nextStep: 'Naar een vakman',
    parts: 'Ja',
    source: 'Elders',
    fault: 'Potentiometer versleten',
    minutes: '25',
  });
  await phoneA.nextButton.click();
  await expect(phoneA.page.locator('.cafe-current-number')).toHaveText('5');
  await phoneA.page
    .locator('form.cafe-outcome')
    .getByRole('radio', { name: 'Niet meer te herstellen' })
    .check();
  await expectAccessible(phoneA.page, 'end of life outcome');
  await phoneA.page.screenshot({ path: `${SHOTS}/cafe-fixer-outcome-390.png`, fullPage: true });
  await phoneA.recordOutcome({
    status: 'Niet meer te herstellen',
    barrier: 'Onderdelen te duur',
    fault: 'Verwarmingselement doorgebrand',
    minutes: '10',
  });

  // The door sees where each stands, and checks number 1 out with its weight.
  await expect(door.visitRow('1')).toContainText('Hersteld', { timeout: 20_000 });
  await expect(door.visitRow('3')).toContainText('Nog te herstellen', { timeout: 20_000 });
  await expect(door.visitRow('5')).toContainText('Niet meer te herstellen', { timeout: 20_000 });
  await expect(door.visitRow('2')).toContainText('Wacht');
  await door.checkOut('1', '0,8');
  await expectAccessible(door.page, 'door list');
  await door.page.screenshot({ path: `${SHOTS}/cafe-door-list-1280.png`, fullPage: true });
  await expect(board.locator('[data-table="Tafel 1"]')).toContainText('vrij', { timeout: 20_000 });
  await expect(board.locator('[data-table="Tafel 2"]')).toContainText('vrij');
  await board.screenshot({ path: `${SHOTS}/cafe-board-later-1920.png` });

  // The day ends: the door closes it with the volunteers' hours; the board says so.
  await door.page.getByRole('heading', { name: 'Cafédag sluiten' }).click();
  await expect(door.page.getByText('Er zijn nog 4 toestellen niet afgemeld.')).toBeVisible();
  await expectAccessible(door.page, 'close the day');
  await door.page.getByLabel('Aantal vrijwilligers').fill('6');
  await door.page.getByLabel('Uren vrijwilligerswerk samen').fill('21,5');
  await door.page.getByRole('button', { name: 'Cafédag sluiten' }).click();
  await expect(door.page.getByRole('heading', { name: 'Cafédag openen', level: 1 })).toBeVisible();
  await expect(board.getByText('Er is geen cafédag open.')).toBeVisible({ timeout: 20_000 });

  // A day opened with an earlier date (left open last time, say) is pointed out at the door.
  const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE');
  await door.page.getByLabel('Datum').fill(yesterday);
  await door.openDay('Parochiezaal Sint-Jan');
  await expect(door.page.getByText(/staat nog open van een vorige keer/)).toBeVisible();
  await door.page.getByRole('heading', { name: 'Cafédag sluiten' }).click();
  await door.page.getByLabel('Aantal vrijwilligers').fill('1');
  await door.page.getByLabel('Uren vrijwilligerswerk samen').fill('1');
  await door.page.getByRole('button', { name: 'Cafédag sluiten' }).click();
  await expect(door.page.getByRole('heading', { name: 'Cafédag openen', level: 1 })).toBeVisible();

  for (const context of [doorContext, phoneAContext, phoneBContext, boardContext])
    await context.close();
});
