// Page model of the kringwinkel's phone (driver, intake and workshop), read and driven by role
// and label as a person would.
import { expect, test, type Page } from '@playwright/test';
import { formatCode } from '../../../src/domain';
import { expectAccessible } from './axe';

export class ShopPhone {
  constructor(readonly page: Page) {}

  /** On the screenshots run, keeps a picture of the screen for docs/screenshots. */
  async shot(name: string): Promise<void> {
    if (test.info().project.name !== 'screenshots') return;
    await this.page.screenshot({ path: `docs/screenshots/phone-${name}.png`, fullPage: true });
  }

  /** Checks the screen with axe and keeps a screenshot of it. */
  async look(name: string): Promise<void> {
    await expectAccessible(this.page, name);
    await this.shot(name);
  }

  async enrollAs(worker: string, code = 'DEMO-WINKEL'): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Dit toestel inschrijven' })).toBeVisible();
    await this.page.getByLabel('Inschrijvingscode').fill(code);
    await this.page.getByLabel('Naam van dit toestel').fill('Gsm werkplaats');
    await this.page.getByRole('button', { name: 'Inschrijven' }).click();
    await this.page.getByRole('button', { name: worker }).click();
    await expect(this.page.getByRole('heading', { name: 'Werkplaats', level: 1 })).toBeVisible();
  }

  async nav(name: 'Werk' | 'Kooien' | 'Toestellen' | 'Synchronisatie'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name }).click();
  }

  async typeCode(code: string): Promise<void> {
    await this.page.getByLabel('Of typ de code van het label').fill(code);
    await this.page.getByRole('button', { name: 'Openen', exact: true }).click();
  }

  row(code: string) {
    return this.page.locator(`li[data-code="${code}"]`);
  }

  async openItem(code: string): Promise<void> {
    await this.nav('Werk');
    await this.typeCode(code);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(formatCode(code));
  }

  /** Scans a code the shop does not know: the quick registration form opens. */
  async openItemUnknown(code: string): Promise<void> {
    await this.nav('Werk');
    await this.typeCode(code);
    await expect(
      this.page.getByRole('heading', { name: `Nieuw toestel ${formatCode(code)}` }),
    ).toBeVisible();
  }

  /** The step screen's heading, e.g. "Stap 2 van 6: Veiligheidstest". */
  async expectStep(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(name);
  }

  async choose(group: string, option: string | RegExp): Promise<void> {
    await this.page
      .getByRole('group', { name: group })
      .getByRole('radio', { name: option })
      .check();
  }

  async save(label = 'Bewaren en verder'): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }
}
