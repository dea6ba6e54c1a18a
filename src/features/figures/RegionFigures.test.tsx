// @vitest-environment jsdom
// "Alle regio's" as a hub coordinator reads it: the regions side by side with their total from the
// server, the request without a site, the server's refusals in Dutch with a way to try again, and
// offline a plain sentence instead of a request. The server files' errors and names too.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  computeFigures,
  figureItemsFromEvents,
  figureLines,
  type FigureFilter,
} from '../../domain';
import { EVENTS, ZUID } from '../../domain/figures/testItems';
import { ApiError } from '../../sync/api';
import type { FiguresByRegion } from '../../sync/figuresApi';
import { useSyncStatus } from '../../sync/status';
import { sessionOf, withSession } from '../admin/adminTestServer';
import { exportName, regionsExportName, serverProblem } from './downloads';
import { RegionFigures } from './RegionFigures';

const NOVEMBER: FigureFilter = { from: '2026-11-01', to: '2026-11-30' };
const PERSON = { id: 'p-hub', name: 'Hanne', role: 'coordinator' };
const user = userEvent.setup({ delay: null });

/** Two regions of the domain's test pilot (Zuid's park and the rest) and all of it together. */
function answer(): FiguresByRegion {
  const figuresOf = (keep: (site: string) => boolean) =>
    computeFigures(
      figureLines(figureItemsFromEvents(EVENTS.filter((e) => keep(e.site)))),
      NOVEMBER,
    );
  return {
    regions: [
      { id: 'noord', name: 'Regio Noord', figures: figuresOf((site) => site !== ZUID) },
      { id: 'zuid', name: 'Regio Zuid', figures: figuresOf((site) => site === ZUID) },
    ],
    total: figuresOf(() => true),
  };
}

let replies: (() => Response)[];
let asked: string[];
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  asked = [];
  replies = [];
  vi.stubGlobal('fetch', (input: string) => {
    asked.push(input);
    const reply = replies.shift() ?? (() => json(200, answer()));
    return Promise.resolve(reply());
  });
  useSyncStatus.setState({ online: true });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  useSyncStatus.setState({ online: null });
});

const show = (region: string | null = null, filter = NOVEMBER) =>
  render(withSession(sessionOf(PERSON), <RegionFigures filter={filter} region={region} />));

describe('RegionFigures', () => {
  it('shows the regions side by side and their total, from the server', async () => {
    show(null, { ...NOVEMBER, category: 14 });
    const table = await screen.findByRole('table', { name: 'Per regio, naast elkaar' });
    expect(asked).toEqual(['/api/v1/figures/regions?from=2026-11-01&to=2026-11-30&category=14']);
    const heads = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(heads).toEqual(['Cijfer', 'Regio Noord', 'Regio Zuid', 'Totaal']);
    const registered = within(table).getByRole('row', { name: /^Geregistreerd \d/ });
    const cells = within(registered)
      .getAllByRole('cell')
      .map((td) => Number(td.textContent));
    const { regions, total } = answer();
    expect(cells).toEqual([
      ...regions.map((r) => r.figures.registered.count),
      total.registered.count,
    ]);
    expect(cells[2]).toBe((cells[0] ?? 0) + (cells[1] ?? 0));
    // Scrolls sideways in its own region, which the keyboard can reach.
    const scroller = screen.getByRole('region', { name: 'Per regio, naast elkaar' });
    expect(scroller.tabIndex).toBe(0);
    expect(screen.getByText(/komen van de server/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: "Alle regio's samen" })).toBeTruthy();
  });

  it('asks for one region when one is chosen', async () => {
    show('zuid');
    await screen.findByRole('table', { name: 'Per regio, naast elkaar' });
    expect(asked).toEqual(['/api/v1/figures/regions?from=2026-11-01&to=2026-11-30&region=zuid']);
  });

  it('says in Dutch when the server refuses, and tries again on request', async () => {
    replies.push(() => json(429, { error: { code: 'rate-limited', message: 'Too many' } }));
    show();
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Te veel aanvragen na elkaar: wacht een minuut',
    );
    await user.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByRole('table', { name: 'Per regio, naast elkaar' });
    expect(asked).toHaveLength(2);
  });

  it('says plainly that it needs a connection, and asks nothing, when offline', () => {
    useSyncStatus.setState({ online: false });
    show();
    expect(screen.getByRole('status').textContent).toContain(
      "Alle regio's samen kan alleen met een verbinding",
    );
    expect(asked).toEqual([]);
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('the server files over regions', () => {
  it('name what went wrong in the reader’s words', () => {
    const refused = (status: number) => new ApiError(status, 'x', 'x');
    expect(serverProblem(refused(429), 'export')).toBe('figures.export.error.too-many');
    expect(serverProblem(refused(503), 'export')).toBe('figures.export.error.busy');
    expect(serverProblem(refused(401), 'export')).toBe('figures.export.error.session');
    expect(serverProblem(refused(500), 'export')).toBe('figures.export.error.server');
    expect(serverProblem(new TypeError('Failed to fetch'), 'export')).toBe(
      'figures.export.error.offline',
    );
    expect(serverProblem(refused(503), 'regions')).toBe('figures.regions.error.busy');
  });

  it('are named for the regions and the period, in the reader’s language', () => {
    expect(regionsExportName('csv', NOVEMBER, 'nl')).toBe(
      'bewaar-toestellen-regios-2026-11-01-2026-11-30.csv',
    );
    expect(regionsExportName('xlsx', NOVEMBER, 'nl')).toBe(
      'bewaar-cijfers-regios-2026-11-01-2026-11-30.xlsx',
    );
    expect(exportName('xlsx', NOVEMBER, 'fr')).toBe('bewaar-chiffres-2026-11-01-2026-11-30.xlsx');
    expect(exportName('trace', NOVEMBER, 'en')).toBe(
      'bewaar-traceability-2026-11-01-2026-11-30.csv',
    );
  });
});
