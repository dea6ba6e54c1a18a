// Page model of the park tablet, read and driven by role and label as a person would.
import { expect, type Page } from '@playwright/test';
import { formatCode } from '../../../src/domain';

export interface NewItem {
  search: string;
  category: RegExp;
  brand?: string;
  weight?: string;
  photo?: { name: string; mimeType: string; buffer: Buffer };
  note?: string;
}

export class ParkTablet {
  constructor(readonly page: Page) {}

  /** Enrolls the device with a code, as a newcomer types it from the coordinator's sheet. */
  async enroll(code: string, name = 'Testtablet'): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Dit toestel inschrijven' })).toBeVisible();
    await this.page.getByLabel('Inschrijvingscode').fill(code);
    await this.page.getByLabel('Naam van dit toestel').fill(name);
    await this.page.getByRole('button', { name: 'Inschrijven' }).click();
  }

  async pickPerson(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Wie ben je?' })).toBeVisible();
    await this.page.getByRole('button', { name }).click();
    await expect(this.scanButton).toBeVisible();
  }

  get scanButton() {
    return this.page.getByRole('button', { name: 'Scannen met de camera' });
  }

  async typeCode(code: string): Promise<void> {
    await this.page.getByLabel('Of typ de code van het label').fill(code);
    await this.page.getByRole('button', { name: 'Openen', exact: true }).click();
  }

  /** Opens a cage by its label: a label this device has never seen is asked about first. */
  async openCage(code: string): Promise<void> {
    await this.typeCode(code);
    await expect(
      this.page.getByRole('alertdialog', { name: /Nieuwe kooi openen\?/ }),
    ).toBeVisible();
    await this.page.getByRole('button', { name: 'Ja, kooi openen' }).click();
    // The cage is open once the question is gone (its answer writes first).
    await expect(this.page.getByRole('alertdialog', { name: /Nieuwe kooi openen\?/ })).toHaveCount(
      0,
    );
  }

  /** A hardware scanner: fast keystrokes and Enter, with focus outside any field. */
  async wedgeScan(text: string): Promise<void> {
    await this.page.locator('body').click({ position: { x: 5, y: 5 } });
    await this.page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
    });
    await this.page.keyboard.type(text, { delay: 8 });
    await this.page.keyboard.press('Enter');
  }

  async cameraScan(): Promise<void> {
    await this.scanButton.click();
  }

  async expectNewItemForm(code: string): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: `Nieuw toestel ${formatCode(code)}` }),
    ).toBeVisible({ timeout: 30_000 });
  }

  async fillAndSave(item: NewItem): Promise<void> {
    await this.page.getByLabel('Zoek een soort toestel').fill(item.search);
    await this.page.getByRole('radio', { name: item.category }).first().check();
    if (item.brand) await this.page.getByLabel('Merk', { exact: true }).fill(item.brand);
    if (item.weight) await this.page.getByLabel('Gewicht', { exact: true }).fill(item.weight);
    if (item.photo) {
      await this.page.locator('input[type=file]').setInputFiles(item.photo);
      await expect(this.page.getByRole('img', { name: 'Foto 1 van het toestel' })).toBeVisible();
    }
    if (item.note)
      await this.page.getByLabel('Opmerking (niet verplicht)', { exact: true }).fill(item.note);
    await this.page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await expect(this.scanButton).toBeVisible();
  }

  todayRow(code: string) {
    return this.page.locator(`li[data-code="${code}"]:visible`);
  }

  async closeCage(code: string, count: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Kooi bekijken of sluiten' }).click();
    await expect(
      this.page.getByRole('heading', { name: `Kooi ${formatCode(code)}` }),
    ).toBeVisible();
    await this.page.getByLabel('Hoeveel toestellen tel je in de kooi?').fill(String(count));
    await this.page.getByRole('button', { name: 'Kooi sluiten' }).click();
  }
}
