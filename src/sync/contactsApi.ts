// A repair café's visitor contacts on the server (never in the event log, never pulled): read by
// the café's organiser or the region's coordinator for the follow-up list, erased on request.
import type { Api } from './api';

export interface ServerContact {
  ticket: string;
  firstName: string;
  phone: string | null;
  email: string | null;
  createdAt: string;
  eraseAfter: string;
}

/** Typed calls of the contacts API over a signed-in client. */
export function contactsApi(api: Api) {
  return {
    list: (site: string) =>
      api.json<{ contacts: ServerContact[] }>(
        `/cafe/contacts?${new URLSearchParams({ site }).toString()}`,
      ),
    erase: (ticket: string) => api.empty(`/cafe/contacts/${encodeURIComponent(ticket)}`, 'DELETE'),
  };
}
