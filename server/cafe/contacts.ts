// A repair-café visitor's follow-up contact (table cafe_contacts), kept outside the event log so it
// can be erased (DESIGN §6): kept per ticket, read by the café's organiser and the region's
// coordinators, erased on request or once the café's retention period has passed.
import type { Kysely } from 'kysely';
import type { Schema } from '../store/schema';

type Db = Kysely<Schema>;

const DAY_MS = 86_400_000;

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
