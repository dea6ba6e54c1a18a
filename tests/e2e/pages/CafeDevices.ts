// Page models of a repair café's devices: the door tablet, a fixer's phone, the queue board. They
// read the screen by role and label, as a person would.
import { expect, type Page } from '@playwright/test';

/** Enrolls a café device with DEMO-CAFE under a name (the typed code, as a fixer's phone does). */
export async function enrollCafeDevice(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dit toestel inschrijven' })).toBeVisible();
  await page.getByLabel('Inschrijvingscode').fill('DEMO-CAFE');
  await page.getByLabel('Naam van dit toestel').fill(name);
  await page.getByRole('button', { name: 'Inschrijven' }).click();
  await expect(page.getByRole('heading', { name: 'Wie ben je?' })).toBeVisible();
}

export interface CheckInInput {
  search: string;
  kind: RegExp;
  brand?: string;
  problem: string;
  age?: string;
  contact?: { firstName: string; phone?: string; email?: string };
}

export class DoorTablet {
  constructor(readonly page: Page) {}

  /** The fourth welcome choice: enrolled as the door and in the host's hands. */
  async enrollFromWelcome(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('button', { name: 'Onthaal van het repair café' }).click();
    await expect(
      this.page.getByRole('heading', { name: 'Cafédag openen', level: 1 }),
    ).toBeVisible();
  }

  async openDay(venue: string): Promise<void> {
    await this.page.getByLabel('Plaats').fill(venue);
    await this.page.getByRole('button', { name: 'Cafédag openen' }).click();
    await expect(this.page.getByRole('heading', { name: 'Nieuw toestel aanmelden' })).toBeVisible();
  }

  /** Checks an item in; returns the number called out and the ticket's code as printed. */
  async checkIn(input: CheckInInput): Promise<{ label: string; code: string }> {
    const form = this.page.locator('form.cafe-checkin');
    await form.getByRole('searchbox').fill(input.search);
    await form.getByRole('radio', { name: input.kind }).check();
    if (input.brand) await form.getByLabel('Merk').fill(input.brand);
    await form.getByLabel(/Wat is er mis/).fill(input.problem);
    if (input.age) await form.getByLabel(/Hoe oud/).fill(input.age);
    await form.getByLabel(/huisregels/).check();
    if (input.contact) {
      await form.getByLabel(/contact opnemen/).check();
      await form.getByLabel('Voornaam').fill(input.contact.firstName);
      if (input.contact.phone) await form.getByLabel('Telefoon').fill(input.contact.phone);
      if (input.contact.email) await form.getByLabel('E-mail').fill(input.contact.email);
    }
    const before =
      (await this.ticketNumber.count()) > 0 ? await this.ticketNumber.textContent() : null;
    await form.getByRole('button', { name: 'Aanmelden en ticket geven' }).click();
    await expect(this.ticketNumber).not.toHaveText(before ?? '');
    const label = (await this.ticketNumber.textContent()) ?? '';
    const code = (await this.page.locator('.cafe-ticket .code').textContent()) ?? '';
    return { label, code };
  }

  get ticketNumber() {
    return this.page.getByTestId('ticket-number');
  }

  /** The door's list row of a number. */
  visitRow(label: string) {
    return this.page.locator('.cafe-visits li').filter({
      has: this.page.locator('.cafe-visit-number', { hasText: new RegExp(`^${label}$`) }),
    });
  }

  async checkOut(label: string, weight?: string): Promise<void> {
    await this.page.getByRole('button', { name: `Nummer ${label} afmelden` }).click();
    if (weight) await this.page.getByLabel(/Gewicht/).fill(weight);
    await this.page
      .getByRole('form', { name: `Nummer ${label} afmelden` })
      .getByRole('button', { name: 'Afmelden' })
      .click();
    await expect(this.visitRow(label)).toContainText('Vertrokken');
  }
}

export class FixerPhone {
  constructor(readonly page: Page) {}

  async enroll(name: string, person: string): Promise<void> {
    await enrollCafeDevice(this.page, name);
    await this.page.getByRole('button', { name: person }).click();
    await expect(this.page).toHaveURL(/\/cafe\/tafel$/);
  }

  async pickTable(name: RegExp): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Aan welke tafel zit je?' })).toBeVisible({
      timeout: 20_000,
    });
    await this.page.getByRole('button', { name }).click();
    await expect(this.nextButton).toBeVisible();
  }

  get nextButton() {
    return this.page.getByRole('button', { name: 'Volgende voor mijn tafel' });
  }

  async openTicket(code: string): Promise<void> {
    await this.page.getByLabel('Ticketcode').fill(code);
    await this.page.getByRole('button', { name: 'Openen', exact: true }).click();
  }

  async recordOutcome(outcome: {
    status: 'Hersteld' | 'Nog te herstellen' | 'Niet meer te herstellen';
    nextStep?: string;
    parts?: 'Ja' | 'Nee';
    source?: string;
    barrier?: string;
    fault: string;
    solution?: string;
    minutes: string;
  }): Promise<void> {
    const form = this.page.locator('form.cafe-outcome');
    await form.getByRole('radio', { name: outcome.status, exact: true }).check();
    if (outcome.nextStep) await form.getByRole('radio', { name: outcome.nextStep }).check();
    if (outcome.parts)
      await form
        .getByRole('group', { name: 'Onderdelen nodig?' })
        .getByRole('radio', { name: outcome.parts })
        .check();
    if (outcome.source) await form.getByRole('radio', { name: outcome.source }).check();
    if (outcome.barrier) await form.getByRole('radio', { name: outcome.barrier }).check();
    await form.getByLabel('Wat was de fout?').fill(outcome.fault);
    if (outcome.solution) await form.getByLabel(/Wat heb je gedaan/).fill(outcome.solution);
    await form.getByLabel('Minuten gewerkt').fill(outcome.minutes);
    await form.getByRole('button', { name: 'Uitkomst bewaren' }).click();
    await expect(this.nextButton).toBeVisible();
  }
}
