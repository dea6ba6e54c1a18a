// A repair-café visitor's follow-up contact (table cafe_contacts), kept outside the event log so it
// can be erased (DESIGN §6): kept per ticket, read by the café's organiser and the region's
// coordinators, erased on request, once the café's retention period has passed, or as soon as
// the visit's check-in says the visitor did not consent to follow-up.
import type { Kysely } from 'kysely';
import { foldVisit } from '../../src/domain/index';
import type { BewaarEvent } from '../../src/domain/index';
import type { Schema } from '../store/schema';

type Db = Kysely<Schema>;

const DAY_MS = 86_400_000;
/** Tickets per `in (…)` list: far under either database's parameter limit. */
const CHUNK = 1000;

export interface ContactInput {
  tenantId: string;
  siteId: string;
  ticket: string;
  firstName: string;
  phone: string | null;
  email: string | null;
}

/** Keeps a contact; a repeat for the same ticket replaces it but keeps when it was first given,
 * so a resend never extends how long it is kept. */
export async function keepContact(db: Db, contact: ContactInput, nowMs: number): Promise<void> {
  await db
    .insertInto('cafe_contacts')
    .values({
      tenant_id: contact.tenantId,
      ticket: contact.ticket,
      site_id: contact.siteId,
      first_name: contact.firstName,
      phone: contact.phone,
      email: contact.email,
      created_at: new Date(nowMs).toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'ticket']).doUpdateSet({
        site_id: contact.siteId,
        first_name: contact.firstName,
        phone: contact.phone,
        email: contact.email,
      }),
    )
    .execute();
}

/** Whether the event states the visitor's follow-up consent (a check-in, or a later restating of
 * the visit): then a contact of its ticket may have to go. */
export function statesConsent(event: BewaarEvent): boolean {
  return 'followUpConsent' in event.data;
}

/** The follow-up consent of each of these tickets that has been checked in, as every device folds
 * it (the latest statement by clock holds); a ticket not checked in yet is left out. */
export async function consentOf(
  db: Db,
  tenantId: string,
  tickets: readonly string[],
): Promise<Map<string, boolean>> {
  const events = new Map<string, BewaarEvent[]>();
  const unique = [...new Set(tickets)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await db
      .selectFrom('events')
      .select(['subject', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('subject', 'in', unique.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) {
      const list = events.get(row.subject) ?? [];
      list.push(JSON.parse(row.body) as BewaarEvent);
      events.set(row.subject, list);
    }
  }
  const consent = new Map<string, boolean>();
  for (const [ticket, list] of events) {
    const visit = foldVisit(ticket, list);
    if (visit.checkedIn) consent.set(ticket, visit.followUpConsent);
  }
  return consent;
}

/** Erases the contacts of these tickets whose visit, as stored now, says no to follow-up (a
 * contact may reach the server before its check-in); returns how many. */
export async function eraseWithoutConsent(
  db: Db,
  tenantId: string,
  tickets: readonly string[],
): Promise<number> {
  const unique = [...new Set(tickets)];
  const kept: string[] = [];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await db
      .selectFrom('cafe_contacts')
      .select('ticket')
      .where('tenant_id', '=', tenantId)
      .where('ticket', 'in', unique.slice(start, start + CHUNK))
      .execute();
    kept.push(...rows.map((row) => row.ticket));
  }
  // Most check-ins have no contact on the server: then the events are not read at all.
  if (kept.length === 0) return 0;
  const consent = await consentOf(db, tenantId, kept);
  const refused = kept.filter((ticket) => consent.get(ticket) === false);
  if (refused.length === 0) return 0;
  const result = await db
    .deleteFrom('cafe_contacts')
    .where('tenant_id', '=', tenantId)
    .where('ticket', 'in', refused)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface Contact {
  ticket: string;
  firstName: string;
  phone: string | null;
  email: string | null;
  createdAt: string;
  eraseAfter: string;
}

/** The café's contacts not yet past their retention, oldest first. */
export async function contactsOf(
  db: Db,
  site: { id: string; retentionDays: number },
  nowMs: number,
): Promise<Contact[]> {
  const rows = await db
    .selectFrom('cafe_contacts')
    .select(['ticket', 'first_name', 'phone', 'email', 'created_at'])
    .where('site_id', '=', site.id)
    .where('created_at', '>', new Date(nowMs - site.retentionDays * DAY_MS).toISOString())
    .orderBy('created_at')
    .orderBy('ticket')
    .execute();
  return rows.map((row) => ({
    ticket: row.ticket,
    firstName: row.first_name,
    phone: row.phone,
    email: row.email,
    createdAt: row.created_at,
    eraseAfter: new Date(Date.parse(row.created_at) + site.retentionDays * DAY_MS).toISOString(),
  }));
}

/** Erases every contact older than its café's retention period; returns how many. */
export async function sweepContacts(db: Db, nowMs: number): Promise<number> {
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'contact_retention_days'])
    .where('kind', '=', 'cafe')
    .execute();
  let erased = 0;
  for (const site of sites) {
    const before = new Date(nowMs - site.contact_retention_days * DAY_MS).toISOString();
    const result = await db
      .deleteFrom('cafe_contacts')
      .where('site_id', '=', site.id)
      .where('created_at', '<=', before)
      .executeTakeFirst();
    erased += Number(result.numDeletedRows);
  }
  return erased;
}

/** How often the sweep runs while the server is up (and once at start). */
export const SWEEP_EVERY_MS = 3_600_000;

/** Runs the sweep now and then every SWEEP_EVERY_MS on `now`'s clock; returns its stop. */
export function startContactSweep(
  db: Db,
  now: () => number,
  onError: (error: unknown) => void,
): { ready: Promise<number>; stop: () => void } {
  const run = () => sweepContacts(db, now());
  const timer = setInterval(() => {
    run().catch(onError);
  }, SWEEP_EVERY_MS);
  // A waiting sweep must not keep the process (or a test run) alive.
  timer.unref();
  const ready = run().catch((error: unknown) => {
    onError(error);
    return 0;
  });
  return {
    ready,
    stop: () => {
      clearInterval(timer);
    },
  };
}
