// Tenants, sites, people and enrollment codes in the store: the writes the demo seed, the admin
// CLI and first-start set-up share. Ids are random UUIDs unless a caller (the demo) names them.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from './auth';
import type { Role, Schema, SiteKind } from './store/schema';

type Db = Kysely<Schema>;

/** How long a café keeps a visitor's follow-up contact unless its coordinator says otherwise. */
export const DEFAULT_CONTACT_RETENTION_DAYS = 90;
const now = () => new Date().toISOString();

/** Enrollment codes are compared upper-case, trimmed; people type them in any case. */
export function normaliseEnrollmentCode(code: string): string {
  return code.trim().toUpperCase();
}

export async function createTenant(db: Db, name: string, id: string = randomUUID()) {
  await db
    .insertInto('tenants')
    .values({ id, name, created_at: now() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return { id, name };
}

export async function createSite(
  db: Db,
  site: {
    tenantId: string;
    name: string;
    kind: SiteKind;
    id?: string;
    address?: string | null;
    intercommunale?: string | null;
    /** A café's ORDS group (its name when absent) and contact retention (90 days when absent). */
    ordsGroup?: string | null;
    contactRetentionDays?: number;
  },
) {
  const id = site.id ?? randomUUID();
  const address = site.address ?? null;
  const intercommunale = site.intercommunale ?? null;
  const cafe = site.kind === 'cafe';
  const ordsGroup = cafe ? (site.ordsGroup ?? site.name) : null;
  const contactRetentionDays = site.contactRetentionDays ?? DEFAULT_CONTACT_RETENTION_DAYS;
  await db
    .insertInto('sites')
    .values({
      id,
      tenant_id: site.tenantId,
      name: site.name,
      kind: site.kind,
      created_at: now(),
      address,
      intercommunale,
      ords_group: ordsGroup,
      contact_retention_days: contactRetentionDays,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return {
    id,
    name: site.name,
    kind: site.kind,
    address,
    intercommunale,
    ordsGroup,
    contactRetentionDays: cafe ? contactRetentionDays : null,
  };
}

export async function createPerson(
  db: Db,
  person: {
    tenantId: string;
    name: string;
    role: Role;
    sites?: string[];
    username?: string;
    password?: string;
    id?: string;
  },
) {
  const id = person.id ?? randomUUID();
  const passwordHash = person.password === undefined ? null : await hashPassword(person.password);
  await db
    .insertInto('people')
    .values({
      id,
      tenant_id: person.tenantId,
      name: person.name,
      role: person.role,
      username: person.username ?? null,
      password_hash: passwordHash,
      created_at: now(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  // Whoever signs in works in their own region; an admin may grant more (person_regions).
  if (person.username !== undefined) {
    await db
      .insertInto('person_regions')
      .values({ person_id: id, tenant_id: person.tenantId })
      .onConflict((oc) => oc.columns(['person_id', 'tenant_id']).doNothing())
      .execute();
  }
  for (const siteId of person.sites ?? []) {
    await db
      .insertInto('roster')
      .values({ person_id: id, site_id: siteId })
      .onConflict((oc) => oc.columns(['person_id', 'site_id']).doNothing())
      .execute();
  }
  return { id, name: person.name, role: person.role };
}

export async function createEnrollmentCode(
  db: Db,
  code: {
    tenantId: string;
    siteId: string;
    code: string;
    expiresAt?: Date;
    reusable?: boolean;
    /** The person making it (Beheer); none for the demo's and the CLI's codes. */
    createdBy?: string;
  },
) {
  const value = normaliseEnrollmentCode(code.code);
  const result = await db
    .insertInto('enrollment_codes')
    .values({
      code: value,
      tenant_id: code.tenantId,
      site_id: code.siteId,
      expires_at: code.expiresAt?.toISOString() ?? null,
      used_at: null,
      reusable: code.reusable === true ? 1 : 0,
      created_by: code.createdBy ?? null,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  return {
    code: value,
    expiresAt: code.expiresAt ?? null,
    reusable: code.reusable === true,
    /** False when the code existed already (and was left as it was). */
    created: Number(result.numInsertedOrUpdatedRows ?? 0) > 0,
  };
}

/** A fresh enrollment code like `7K3Q-9XTA`: Crockford symbols (no I, L, O, U), so a code read
 * aloud or typed is not misread; 40 random bits. */
export function randomEnrollmentCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  // 32 divides 256: the low five bits of a random byte are uniform.
  const symbols = [...randomBytes(8)].map((b) => alphabet[b & 31] ?? '0').join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/** A site as devices see it (GET /sites, enrollment): a café also tells its ORDS group and how
 * long it keeps contacts. */
export function siteFacts(row: {
  id: string;
  name: string;
  kind: SiteKind;
  ords_group: string | null;
  contact_retention_days: number;
}) {
  const { id, name, kind } = row;
  if (kind !== 'cafe') return { id, name, kind };
  return {
    id,
    name,
    kind,
    ordsGroup: row.ords_group ?? name,
    contactRetentionDays: row.contact_retention_days,
  };
}

/** The active people on a site's roster, by name. */
export async function rosterOf(db: Db, siteId: string) {
  return db
    .selectFrom('roster')
    .innerJoin('people', 'people.id', 'roster.person_id')
    .select(['people.id', 'people.name', 'people.role'])
    .where('roster.site_id', '=', siteId)
    .where('people.active', '=', 1)
    .orderBy('people.name')
    .execute();
}
