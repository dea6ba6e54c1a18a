// The server's tables as Kysely types, the same on SQLite and PostgreSQL. Times are ISO 8601 UTC
// text and flags are 0/1 integers, so both dialects store and compare them alike.
import type { ColumnType, Generated } from 'kysely';

export type Role =
  'attendant' | 'technician' | 'coordinator' | 'admin' | 'host' | 'fixer' | 'organiser';
export type SiteKind = 'park' | 'shop' | 'cafe';
export type LabelKind = 'item' | 'cage';

/** A nullable column added later: inserts may leave it out (it is then null). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface TenantsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface SitesTable {
  id: string;
  tenant_id: string;
  name: string;
  kind: SiteKind;
  created_at: string;
  address: Optional<string>;
  /** The intercommunale (waste authority) that runs a park. */
  intercommunale: Optional<string>;
  /** A repair café's ORDS group_identifier (migration 0009); null for a park or shop. */
  ords_group: Optional<string>;
  /** Days a café keeps a visitor's follow-up contact (migration 0009). */
  contact_retention_days: ColumnType<number, number | undefined, number>;
}

export interface PeopleTable {
  id: string;
  tenant_id: string;
  name: string;
  role: Role;
  username: string | null;
  password_hash: string | null;
  created_at: string;
  /** 0: off every roster and unable to sign in; their events keep their id. */
  active: Generated<number>;
}

export interface RosterTable {
  person_id: string;
  site_id: string;
}

export interface DevicesTable {
  id: string;
  tenant_id: string;
  site_id: string;
  name: string;
  created_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  /** From the x-bewaar-version and x-bewaar-pending headers of its last push or pull. */
  app_version: Optional<string>;
  pending_at_last_contact: Optional<number>;
}

export interface TokensTable {
  hash: string;
  tenant_id: string;
  device_id: string | null;
  person_id: string | null;
  created_at: string;
  revoked_at: string | null;
  /** A person's token: when it was last used (kept to the minute) and when it ends for good;
   * null for a device's, which lives until revoked. */
  last_used_at: Optional<string>;
  expires_at: Optional<string>;
}

/** The regions a person who signs in may work in (their own, and any an admin granted). */
export interface PersonRegionsTable {
  person_id: string;
  tenant_id: string;
}

/** Failed sign-ins per username, for the lockout that grows with each one. */
export interface LoginAttemptsTable {
  username: string;
  failures: number;
  locked_until: string | null;
}

export interface EnrollmentCodesTable {
  code: string;
  tenant_id: string;
  site_id: string;
  expires_at: string | null;
  used_at: string | null;
  reusable: number;
  /** The person who made the code in Beheer; null for the demo's, the CLI's and older codes. */
  created_by: string | null;
}

export interface EventsTable {
  // bigserial on PostgreSQL comes back as a string; read it through Number().
  seq: Generated<number | string>;
  id: string;
  tenant_id: string;
  type: string;
  subject: string;
  hlc: string;
  device: string;
  actor: string;
  site: string;
  body: string;
  received_at: string;
}

export interface PhotosTable {
  tenant_id: string;
  sha256: string;
  content_type: string;
  bytes: Buffer;
  created_at: string;
}

/** The item projection: each item's FigureItem (folded state + figure facts) as JSON, with the
 * columns the figures filter on. Derived from events; rebuilt by server/itemProjection.ts. */
export interface ItemsTable {
  tenant_id: string;
  code: string;
  status: string;
  /** The cage it was last put in: a cage event re-folds the items whose status it decides. */
  cage: string | null;
  /** Park of registration and the shop that handled it (a site filter matches either). */
  site: string | null;
  shop_site: string | null;
  category: number | null;
  /** Brussels days of its first and last dated fact: a period filter prunes by them. */
  first_day: string | null;
  last_day: string | null;
  state: string;
  /** The tenant's highest event position when the row was last written: a server's figure cache
   * reads only rows newer than what it holds. */
  seq: ColumnType<number | string, number, number>;
}

/** A sheet of label codes reserved at once by a coordinator. */
export interface LabelBatchesTable {
  id: string;
  tenant_id: string;
  kind: LabelKind;
  count: number;
  created_at: string;
  created_by: string;
}

/** Every label code ever handed out, across tenants: the primary key keeps each one unique. */
export interface LabelCodesTable {
  code: string;
  tenant_id: string;
  kind: LabelKind;
  batch_id: string;
  /** Its place on the sheet, so a reprint comes out in the same order. */
  position: number;
  created_at: string;
}

/** One row per administrative change, written in the change's own transaction. */
export interface AuditLogTable {
  /** UUIDv7: sorts in the order the rows were made. */
  id: string;
  tenant_id: string;
  at: string;
  /** The person who made the change; null for a device enrolling itself. */
  actor: string | null;
  action: string;
  target: string;
  /** JSON object. */
  details: string;
}

/** How far each tenant's item projection has folded the log (projector.ts). */
export interface ProjectionsTable {
  tenant_id: string;
  seq: ColumnType<number | string, number, number>;
}

/** Which region a code belongs to (migration 0007). */
export interface SubjectOwnersTable {
  subject: string;
  tenant_id: string;
}

/** A repair-café visitor's follow-up contact, given with consent (migration 0009): outside the
 * event log, never pulled or exported, erased after the site's contact_retention_days. */
export interface CafeContactsTable {
  tenant_id: string;
  ticket: string;
  site_id: string;
  first_name: string;
  phone: string | null;
  email: string | null;
  created_at: string;
}

export interface Schema {
  tenants: TenantsTable;
  sites: SitesTable;
  people: PeopleTable;
  roster: RosterTable;
  devices: DevicesTable;
  tokens: TokensTable;
  enrollment_codes: EnrollmentCodesTable;
  events: EventsTable;
  photos: PhotosTable;
  items: ItemsTable;
  projections: ProjectionsTable;
  label_batches: LabelBatchesTable;
  label_codes: LabelCodesTable;
  subject_owners: SubjectOwnersTable;
  person_regions: PersonRegionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  cafe_contacts: CafeContactsTable;
}
