// Sets a fresh browser page up as a park tablet through the UI (enrollment, person, open cage).
import type { Page } from 'playwright-core';
import { openCage } from './intakeSave';

export async function setUpTablet(page: Page, origin: string, cageCode?: string): Promise<void> {
  await page.goto(origin);
  await page.getByLabel('Inschrijvingscode').fill('DEMO-NOORD');
  await page.getByLabel('Naam van dit toestel').fill('Bench');
  await page.getByRole('button', { name: 'Inschrijven' }).click();
  await page.getByRole('button', { name: 'An Peeters' }).click();
  await page.getByRole('button', { name: 'Scannen met de camera' }).waitFor();
  if (cageCode) {
    await openCage(page, cageCode);
    await page.getByRole('button', { name: 'Kooi bekijken of sluiten' }).waitFor();
  }
}
