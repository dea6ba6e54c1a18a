// The region's repair cafés as this device knows them (the directory the sync keeps): for the
// organiser's café choice, and each café's ORDS group name.
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n';
import { useSession } from '../setup/session';

export interface CafeSite {
  id: string;
  name: string;
  ordsGroup: string;
}

/** The cafés of the region in the reader's alphabet; an organiser sees those on their roster
 * first (the server gives them only theirs anyway). */
export function useCafeSites(): CafeSite[] {
  const tr = useT();
  const { profile } = useSession();
  const directory = profile.directory;
  return useMemo(() => {
    const kinds = directory?.kinds ?? {};
    const cafes = Object.entries(directory?.sites ?? {})
      .filter(([id]) => kinds[id] === 'cafe')
      .map(([id, name]) => ({ id, name, ordsGroup: directory?.ordsGroups?.[id] ?? name }));
    return tr.sortBy(cafes, (c) => c.name);
  }, [directory, tr]);
}

/** A café's ORDS group name for its id (its name, else the id), from the list. */
export function ordsGroupOf(cafes: readonly CafeSite[]): (id: string) => string {
  const byId = new Map(cafes.map((c) => [c.id, c.ordsGroup]));
  return (id) => byId.get(id) ?? id;
}
