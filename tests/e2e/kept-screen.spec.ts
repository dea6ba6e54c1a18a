// The park tablet keeps its intake screen laid out under the new-item form (content-visibility
// rather than display: none), so a save shows without laying the screen out again. Hidden it
// must stay hidden for everyone: out of Chromium's accessibility tree, out of the tab order.
import { expect, test, type Page } from '@playwright/test';
import { formatCode } from '../../src/domain';
import { newCode } from '../support/codes';
import { ParkTablet } from './pages/ParkTablet';

/** The names of the nodes a screen reader gets from Chromium (ignored nodes left out). */
async function accessibleNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; name?: { value?: unknown } }[];
  };
  await cdp.detach();
  return nodes.flatMap((n) =>
    !n.ignored && typeof n.name?.value === 'string' && n.name.value ? [n.name.value] : [],
  );
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the intake screen under the form is hidden from screen readers and focus at ${viewport.width}x${viewport.height}`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto('/');
    const tablet = new ParkTablet(page);
    await tablet.enroll('DEMO-ZUID');
    await tablet.pickPerson('Chloé Dubois');
    await tablet.openCage(newCode('cage'));
    const saved = newCode('item');
    await tablet.typeCode(saved);
    await tablet.expectNewItemForm(saved);
    await tablet.fillAndSave({ search: 'waterkoker', category: /Waterkoker/ });
    await expect(tablet.todayRow(saved)).toBeVisible();
    const savedText = (await tablet.todayRow(saved).innerText()).split('\n')[0] ?? '';
    expect(savedText).toContain(formatCode(saved));

    // The next item's form: the intake screen (with today's list) is kept under it.
    const next = newCode('item');
    await tablet.typeCode(next);
    await tablet.expectNewItemForm(next);
    await expect(page.locator(`li[data-code="${saved}"]`)).toBeAttached();
    const names = await accessibleNames(page);
    expect(names).toContain(`Nieuw toestel ${formatCode(next)}`);
    expect(names).not.toContain('Scannen met de camera');
    expect(names).not.toContain('Of typ de code van het label');
    expect(names.some((n) => n.includes(formatCode(saved)))).toBe(false);
    await expect(tablet.scanButton).toBeHidden();
    // It takes no room: the form starts where the screen does.
    const kept = await page.locator('.screen-kept').boundingBox();
    expect(kept?.height ?? 0).toBe(0);
    await page.screenshot({
      path: `test-results/kept-screen-form-${viewport.width}.png`,
    });

    // Tab through the whole page: focus never lands in the hidden screen.
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const inKept = await page.evaluate(
        () => document.activeElement?.closest('.screen-kept[hidden]') !== null,
      );
      expect(inKept, `tab stop ${i + 1}`).toBe(false);
    }

    // Back on the intake screen it is there for everyone again.
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect(tablet.scanButton).toBeVisible();
    await expect(tablet.todayRow(saved)).toBeVisible();
    expect(await accessibleNames(page)).toContain('Scannen met de camera');
    await page.screenshot({
      path: `test-results/kept-screen-intake-${viewport.width}.png`,
    });
    await context.close();
  });
}
