// Page model of the coordinator's figures screen: the filters, the figure cards and the
// downloads, read and driven by role and label as a person would.
import { readFileSync } from 'node:fs';
import { expect, type ConsoleMessage, type Page } from '@playwright/test';

/** A number as the screen shows it in Dutch ("1.234,5", "€ 1.234,50", "12,5 kg"). */
export const belgianNumber = (text: string) =>
  Number(
    text
      .replace(/[^\d,.-]/g, '')
      .replace(/\./g, '')
      .replace(',', '.'),
  );

/** What one download gave: the file, how long it took, and every status the screen showed. */
export interface Download {
  bytes: Buffer;
  ms: number;
  statuses: string[];
}

export class FiguresScreen {
  /** CSP violations since `watchCsp`: lines logged in the console (`console: …`) and the
   * document's `securitypolicyviolation` events (`event: …`, also those the browser does not log,
   * such as zod's caught probe for `new Function` as the app loads). */
  readonly cspViolations: string[] = [];
  private onViolation: (() => void)[] = [];

  constructor(readonly page: Page) {}

  private violation(text: string): void {
    this.cspViolations.push(text);
    for (const listener of this.onViolation) listener();
  }

  /** Starts collecting CSP violations; call before the page loads. */
  async watchCsp(): Promise<void> {
    const watch = (message: ConsoleMessage) => {
      const text = message.text();
      if (/Content Security Policy/i.test(text)) this.violation(`console: ${text}`);
    };
    // The page's console, and each worker's: a worker's own CSP violations are logged there.
    this.page.on('console', watch);
    this.page.on('worker', (worker) => worker.on('console', watch));
    await this.page.exposeFunction('__bewaarCspViolation', (text: string) => {
      this.violation(`event: ${text}`);
    });
    await this.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as Record<string, (text: string) => void>)
          .__bewaarCspViolation;
        report?.(
          `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
        );
      });
    });
  }

  /** The CSP violations logged in the console since `watchCsp`. */
  cspInConsole(): string[] {
    return this.cspViolations.filter((v) => v.startsWith('console: '));
  }

  /** The demo coordinator, one tap from the demo welcome; this month is the default period. */
  async openAsCoordinator(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('button', { name: /Coördinator/ }).click();
    await expect(this.page.getByRole('heading', { name: 'Cijfers van de pilot' })).toBeVisible();
  }

  /** Signs in with the welcome screen's form, as someone who is not the demo coordinator; a
   * person of several regions then picks `region` to open on this browser. */
  async signIn(username: string, password: string, region?: string): Promise<void> {
    await this.page.goto('/');
    const form = this.page.getByRole('region', { name: 'Aanmelden als coördinator' });
    await form.getByLabel('Gebruikersnaam').fill(username);
    await form.getByLabel('Wachtwoord').fill(password);
    await form.getByRole('button', { name: 'Aanmelden' }).click();
    if (region !== undefined) {
      await expect(form.getByRole('heading', { name: 'Welke regio open je?' })).toBeVisible();
      await form.getByRole('button', { name: region }).click();
    }
    await expect(this.page.getByRole('heading', { name: 'Cijfers van de pilot' })).toBeVisible();
  }

  /** Switches to the figures of all the person's regions (from the server). */
  async showAllRegions(): Promise<void> {
    await this.page.getByRole('radio', { name: "Alle regio's" }).check();
    await expect(this.regionTable()).toBeVisible({ timeout: 20_000 });
  }

  /** The table of the regions side by side. */
  regionTable() {
    return this.page.getByRole('table', { name: 'Per regio, naast elkaar' });
  }

  /** The table's columns: each region's id and name, then the total's. */
  async regionColumns(): Promise<{ id: string; name: string }[]> {
    return this.regionTable()
      .locator('thead th[data-region]')
      .evaluateAll((cells) =>
        cells.map((cell) => ({
          id: cell.getAttribute('data-region') ?? '',
          name: cell.textContent.trim(),
        })),
      );
  }

  /** A figure of one column of the table (a region's id, or `total`), as a number. */
  async regionFigure(figure: string, column: string): Promise<number> {
    const cell = this.regionTable().locator(
      `tr[data-figure="${figure}"] td[data-region="${column}"]`,
    );
    return belgianNumber((await cell.textContent()) ?? '');
  }

  async pickYear(year: string): Promise<void> {
    await this.page
      .getByRole('combobox', { name: 'Periode', exact: true })
      .selectOption({ label: 'Jaar' });
    await this.page.getByRole('combobox', { name: 'Welk jaar?' }).selectOption(year);
  }

  /** The text of a figure card, e.g. "12 · 30,5 kg". */
  async figure(key: string): Promise<string> {
    return (await this.page.locator(`[data-figure="${key}"] dd`).textContent()) ?? '';
  }

  /** The count a figure card starts with. */
  async count(key: string): Promise<number> {
    return belgianNumber((await this.figure(key)).split(' ')[0] ?? '');
  }

  /**
   * Clicks a download button and returns the file once the browser has it, with every text a
   * status region showed meanwhile (recorded in the page, so a quick one is not missed). The
   * buttons must be usable again afterwards. A CSP violation meanwhile fails at once, with it.
   */
  async download(button: string, timeout = 60_000): Promise<Download> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      const record = () => {
        for (const el of document.querySelectorAll('[role="status"]')) {
          const text = el.textContent.trim();
          if (text && !seen.includes(text)) seen.push(text);
        }
      };
      const observer = new MutationObserver(record);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      Object.assign(window, { __bewaarStatuses: { seen, observer } });
    });
    const started = Date.now();
    const earlier = this.cspViolations.length;
    const refused = new Promise<never>((_, reject) => {
      this.onViolation.push(() => {
        const now = this.cspViolations.slice(earlier).join(' | ');
        reject(new Error(`CSP violation during "${button}": ${now}`));
      });
    });
    const [file] = await Promise.race([
      Promise.all([
        this.page.waitForEvent('download', { timeout }),
        this.page.getByRole('button', { name: button }).click(),
      ]),
      refused,
    ]).finally(() => {
      this.onViolation = [];
    });
    const ms = Date.now() - started;
    const bytes = readFileSync(await file.path());
    await expect(this.page.getByRole('button', { name: button })).toBeEnabled();
    const statuses = await this.page.evaluate(() => {
      const watch = (
        window as unknown as { __bewaarStatuses: { seen: string[]; observer: MutationObserver } }
      ).__bewaarStatuses;
      watch.observer.disconnect();
      return watch.seen;
    });
    return { bytes, ms, statuses };
  }
}
