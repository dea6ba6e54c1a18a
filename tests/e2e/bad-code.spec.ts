// A misread or mistyped label must never become a new item: clear Dutch message, nothing written.
import { expect, test } from '@playwright/test';
import { CODE_ALPHABET, formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { expectAccessible } from './pages/axe';
import { ParkTablet } from './pages/ParkTablet';
import { readLog, readStore } from './support';

/** The same code with its check symbol replaced by another symbol. */
function withWrongCheck(code: string): string {
  const check = code.slice(-1);
  const other = CODE_ALPHABET[(CODE_ALPHABET.indexOf(check) + 7) % CODE_ALPHABET.length] ?? '0';
  return code.slice(0, -1) + other;
}

test('a code with a wrong check symbol is refused and creates nothing', async ({ page }) => {
  await page.goto('/');
  const tablet = new ParkTablet(page);
  await tablet.enroll('DEMO-ZUID');
  await tablet.pickPerson('Chloé Dubois');

  const bad = withWrongCheck(newCode('item'));
  await tablet.typeCode(formatCode(bad));
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    'Deze code klopt niet: er is een teken verkeerd gelezen of getypt. Kijk de code na of scan opnieuw.',
  );
  await expect(page.getByRole('heading', { name: /Nieuw toestel/ })).toHaveCount(0);
  await expectAccessible(page, 'intake with error');

  // The same from a hardware scanner.
  const badWedge = withWrongCheck(newCode('item'));
  await tablet.wedgeScan(badWedge);
  await expect(alert).toBeVisible();

  // The device also holds what it pulled from the region; nothing of these codes, nothing to send.
  const events = await readLog<{ subject: string }>(page);
  expect(events.filter((e) => e.subject === bad || e.subject === badWedge)).toEqual([]);
  const items = await readStore<{ code: string }>(page, 'items');
  expect(items.filter((i) => i.code === bad || i.code === badWedge)).toEqual([]);
  expect(await readStore(page, 'outbox')).toEqual([]);
  await expect(page.getByTestId('pending')).toHaveText('0 wijzigingen nog niet verzonden');
});
