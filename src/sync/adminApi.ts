// The administration API (/api/v1/admin, coordinators and admins): sites, people, devices,
// enrollment codes, label batches, item lookup and the change log; for admins also their regions
// and other people's passwords. Types of the wire format only.
import type { Api } from './api';

export type SiteKind = 'park' | 'shop' | 'cafe';

export interface AdminSite {
  id: string;
  name: string;
  kind: SiteKind;
  address: string | null;
  intercommunale: string | null;
  /** A café's ORDS group_identifier (default: its name). */
  ordsGroup?: string | null;
  /** A café's days before visitors' contacts are erased (default 90). */
  contactRetentionDays?: number | null;
  people: { id: string; name: string; role: string }[];
}

export interface AdminPerson {
  id: string;
  name: string;
  role: 'attendant' | 'technician' | 'coordinator' | 'admin' | 'host' | 'fixer' | 'organiser';
  username: string | null;
  sites: string[];
  active: boolean;
}

/** A region (tenant) an admin manages: its parks and shops, and who may sign in to it. */
export interface AdminRegion {
  id: string;
  name: string;
  sites: { id: string; name: string; kind: SiteKind }[];
  people: { id: string; name: string; role: AdminPerson['role']; username: string }[];
}

export interface AdminDevice {
  id: string;
  name: string;
  site: string;
  createdAt: string;
  lastSeenAt: string | null;
  pendingAtLastContact: number | null;
  appVersion: string | null;
  revokedAt: string | null;
}

export interface EnrollmentCode {
  code: string;
  site: string;
  expiresAt: string;
  /** `/enroll/<code>`; the QR points at it on `url`'s origin, or else this app's own. */
  path: string;
  url?: string;
}

export interface LabelBatch {
  id: string;
  kind: 'item' | 'cage';
  count: number;
  createdAt: string;
  createdBy: string;
}

export interface LookupItem {
  code: string;
  category: number | null;
  brand: string | null;
  model: string | null;
  status: string;
  site: string | null;
  registeredAt: string | null;
  note: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  actorName: string | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

/** Typed calls of the administration API over a signed-in client. */
export function adminApi(api: Api) {
  return {
    sites: () => api.json<{ sites: AdminSite[] }>('/admin/sites'),
    createSite: (site: {
      name: string;
      kind: SiteKind;
      address?: string;
      intercommunale?: string;
      ordsGroup?: string;
      contactRetentionDays?: number;
    }) => api.json<{ site: AdminSite }>('/admin/sites', 'POST', site),
    people: () => api.json<{ people: AdminPerson[] }>('/admin/people'),
    createPerson: (person: {
      name: string;
      role: AdminPerson['role'];
      /** Field roles work at one site; an organiser signs in and runs their café(s). */
      sites?: string[];
      username?: string;
      password?: string;
    }) => api.json<{ person: AdminPerson }>('/admin/people', 'POST', person),
    updatePerson: (id: string, change: { name?: string; sites?: string[]; active?: boolean }) =>
      api.json<{ person: AdminPerson }>(`/admin/people/${encodeURIComponent(id)}`, 'PATCH', change),
    /** Admins only: sets a coordinator's or admin's password; their sessions end. */
    setPassword: (id: string, password: string) =>
      api.empty(`/admin/people/${encodeURIComponent(id)}/password`, 'POST', { password }),
    regions: () => api.json<{ regions: AdminRegion[] }>('/admin/regions'),
    createRegion: (name: string) =>
      api.json<{ region: AdminRegion }>('/admin/regions', 'POST', { name }),
    renameRegion: (id: string, name: string) =>
      api.json<{ region: AdminRegion }>(`/admin/regions/${encodeURIComponent(id)}`, 'PATCH', {
        name,
      }),
    grantRegion: (id: string, username: string) =>
      api.json<{ region: AdminRegion }>(`/admin/regions/${encodeURIComponent(id)}/people`, 'POST', {
        username,
      }),
    withdrawRegion: (id: string, personId: string) =>
      api.json<{ region: AdminRegion }>(
        `/admin/regions/${encodeURIComponent(id)}/people/${encodeURIComponent(personId)}`,
        'DELETE',
      ),
    devices: () => api.json<{ devices: AdminDevice[] }>('/admin/devices'),
    revokeDevice: (id: string) =>
      api.json<{ device: AdminDevice }>(
        `/admin/devices/${encodeURIComponent(id)}/revoke`,
        'POST',
        {},
      ),
    enrollmentCode: (site: string, hours: number) =>
      api.json<EnrollmentCode>('/admin/enrollment-codes', 'POST', { site, hours }),
    reserveLabels: (kind: 'item' | 'cage', count: number) =>
      api.json<{ batch: LabelBatch; codes: string[] }>('/admin/labels', 'POST', { kind, count }),
    labelBatches: () => api.json<{ batches: LabelBatch[] }>('/admin/labels'),
    labelBatch: (id: string) =>
      api.json<{ batch: LabelBatch; codes: string[] }>(`/admin/labels/${encodeURIComponent(id)}`),
    label: (code: string) =>
      api.json<{ code: string; kind: 'item' | 'cage'; batch: LabelBatch }>(
        `/admin/labels/code/${encodeURIComponent(code)}`,
      ),
    items: (q: string, limit = 50) =>
      api.json<{ items: LookupItem[]; total: number }>(
        `/admin/items?${new URLSearchParams({ q, limit: String(limit) }).toString()}`,
      ),
    audit: (limit = 100) =>
      api.json<{ entries: AuditEntry[]; names?: Record<string, string> }>(
        `/admin/audit?limit=${limit}`,
      ),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;

export interface PublicItem {
  code: string;
  category: number;
  categoryName: { nl: string; fr: string; en: string };
  brand: string | null;
  model: string | null;
  /** The checks it passed, by their latest result. */
  tests: ('safety' | 'function' | 'data-wipe')[];
  warrantyMonths: number | null;
  /** The asking price while for sale; null once sold. */
  priceEur: number | null;
  /** The kringwinkel that sells (or sold) it. */
  shop: string | null;
  /** `YYYY-MM-DD`: first put on sale (or sold). */
  since: string;
  status: 'for-sale' | 'sold';
}
