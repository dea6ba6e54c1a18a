// Names for the ids in events: people and sites of the region, from the directory the device
// keeps (refreshed from the server); an unknown id is shown short rather than hidden.
import { useSession } from './session';

/** Name of a person of the region, or a short form of an unknown id. */
export function usePersonName(): (id: string) => string {
  const { profile } = useSession();
  return (id) =>
    profile.directory?.people[id] ??
    profile.roster.find((p) => p.id === id)?.name ??
    id.slice(0, 8);
}

/** Name of a site of the region, or a short form of an unknown id. */
export function useSiteName(): (id: string | null) => string {
  const { profile } = useSession();
  return (id) =>
    id === null
      ? '—'
      : (profile.directory?.sites[id] ??
        (id === profile.siteId ? profile.siteName : id.slice(0, 8)));
}
