// The kinds the intake form offers first, per site: counted from the device's own copy of the
// park's registrations (again every few minutes), kept in memory and moved on by each save here.
import { useEffect } from 'react';
import { countKind, rankKinds, type KindCounts } from '../../domain';
import { create } from '../../state/store';
import { kindCountsOfSite } from '../../storage';

interface KindState {
  site: string | null;
  /** When the counts were read (ms); a fresh device's first read may precede its first pull. */
  countedAt: number;
  counts: KindCounts;
  /** Category ids, the site's most logged first. */
  order: number[];
}

const useKinds = create<KindState>(() => ({
  site: null,
  countedAt: 0,
  counts: new Map(),
  order: rankKinds(new Map()),
}));

/** Counts are read again after this long, so what other tablets of the park log counts too. */
const RECOUNT_MS = 2 * 60_000;
/** The recount waits this long: the intake screen shows right after a save, whose moment it is. */
const RECOUNT_DELAY_MS = 1_500;

let loading: string | null = null;

function count(site: string): void {
  loading = site;
  kindCountsOfSite(site)
    .then((counts) => {
      if (loading === site)
        useKinds.setState({ site, countedAt: Date.now(), counts, order: rankKinds(counts) });
    })
    .catch((error: unknown) => {
      // The usual order stays: worse tiles, still a working form.
      console.error('kind counts', error);
    })
    .finally(() => {
      if (loading === site) loading = null;
    });
}

/** Counts the site's registrations: at once the first time (or for another site), later again
 * once they are a few minutes old. Returns a cancel for a delayed recount. */
export function loadKindCounts(site: string): () => void {
  const state = useKinds.getState();
  if (loading === site) return () => undefined;
  if (state.site !== site) {
    count(site);
    return () => undefined;
  }
  if (Date.now() - state.countedAt < RECOUNT_MS) return () => undefined;
  const timer = window.setTimeout(() => {
    count(site);
  }, RECOUNT_DELAY_MS);
  return () => {
    window.clearTimeout(timer);
  };
}

/** A registration saved on this device: its kind moves up for the next form. */
export function noteKindRegistered(site: string, category: number): void {
  const state = useKinds.getState();
  if (state.site !== site) return;
  const counts = countKind(state.counts, category);
  useKinds.setState({ counts, order: rankKinds(counts) });
}

/** The ranked kinds for the site, loading the counts the first time. The order is read when the
 * form opens and kept: a count arriving meanwhile must not move a tile under a finger. */
export function useKindOrder(site: string): number[] {
  useEffect(() => loadKindCounts(site), [site]);
  return useKinds((s) => s.order);
}
