// Writes of a repair café day (DESIGN §6): each turns a person's action into events through the
// one-transaction write path (eventLog.ts). A visitor's contact, given with consent, is stored in
// `cafeContacts` in the check-in's own transaction and never enters the event log.
import {
  generateCode,
  ticketLabel,
  type BewaarEvent,
  type EventDataMap,
  type VisitState,
} from '../domain';
import { getDb, type BewaarDexie, type CafeContactRow } from './db';
import { recordEvents, type Author, type WriteDeps } from './eventLog';

export type SessionOpening = EventDataMap['session.opened'];
export type SessionClosing = EventDataMap['session.closed'];
export type Outcome = EventDataMap['visit.repaired'];

/** What the door form states about an item; the session, number and door are filled in here. */
export type CheckInData = Omit<EventDataMap['visit.checked-in'], 'session' | 'number' | 'door'>;

/** A visitor's contact for follow-up: a first name and a phone number or an e-mail address. */
export interface VisitorContact {
  firstName: string;
  phone?: string;
  email?: string;
}

/** Writes may be given other randomness than the browser's (tests). */
export interface CafeDeps extends WriteDeps {
  randomBytes?: (n: number) => Uint8Array;
}

const browserBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** What a check-in gave the visitor: the ticket (its code, what is called out) and the event. */
export interface CheckedIn {
  ticket: string;
  number: number;
  door: string | null;
  /** "7", or "B3" with a door letter. */
  label: string;
  event: BewaarEvent;
}

/** A contact the form should not have let through: nothing is written. */
export class ContactMissingError extends Error {
  constructor() {
    super('contact-missing');
    this.name = 'ContactMissingError';
  }
}

function dbOf(deps?: Partial<WriteDeps>): BewaarDexie {
  return deps?.db ?? getDb();
}

/** Opens a café day; returns its session code (BS…). */
export async function openSession(
  author: Author,
  data: SessionOpening,
  deps?: CafeDeps,
): Promise<string> {
  const code = generateCode('session', deps?.randomBytes ?? browserBytes);
  await recordEvents(author, [{ type: 'session.opened', subject: code, data }], deps);
  return code;
}

/** Closes a café day with its volunteers and their hours. */
export async function closeSession(
  author: Author,
  code: string,
  data: SessionClosing,
  deps?: CafeDeps,
): Promise<void> {
  await recordEvents(author, [{ type: 'session.closed', subject: code, data }], deps);
}

/** The next number this device gives in a session (per door letter): the highest it knows + 1.
 * Two doors of one session each have their own letter, so offline they never give the same one. */
export function nextNumber(known: readonly VisitState[], door: string | null): number {
  let highest = 0;
  for (const visit of known) {
    if ((visit.door ?? null) === door && visit.number !== null && visit.number > highest)
      highest = visit.number;
  }
  return highest + 1;
}

/** Checks a visitor's item in: a new ticket with the session's next number, and — only with the
 * visitor's consent — their contact, stored in the same transaction to be sent by the sync. */
export async function checkIn(
  author: Author,
  input: {
    session: string;
    /** This door's letter when the session has more than one door; else none. */
    door?: string | null;
    data: CheckInData;
    contact?: VisitorContact | null;
  },
  deps?: CafeDeps,
): Promise<CheckedIn> {
  const db = dbOf(deps);
  const { session, data } = input;
  const door = input.door ? input.door : null;
  const contact = data.followUpConsent ? contactOf(input.contact) : null;
  if (data.followUpConsent && !contact) throw new ContactMissingError();
  const ticket = generateCode('ticket', deps?.randomBytes ?? browserBytes);
  let number = 0;
  const [event] = await recordEvents(
    author,
    async () => {
      // Read inside the write's transaction: two saves in a row never get the same number.
      const known = await db.visits.where('session').equals(session).toArray();
      number = nextNumber(known, door);
      return [
        {
          type: 'visit.checked-in',
          subject: ticket,
          data: { ...data, session, number, ...(door ? { door } : {}) },
        },
      ];
    },
    deps,
    contact
      ? {
          tables: [db.cafeContacts],
          write: () =>
            db.cafeContacts.put({ ticket, ...contact, queuedAt: (deps?.now ?? Date.now)() }),
        }
      : undefined,
  );
  if (!event) throw new Error('check-in wrote no event');
  return { ticket, number, door, label: ticketLabel({ number, door }), event };
}

/** The contact as it is sent: trimmed, empty parts left out; null without a name and a way to
 * reach the visitor. */
function contactOf(contact: VisitorContact | null | undefined): VisitorContact | null {
  if (!contact) return null;
  const firstName = contact.firstName.trim();
  const phone = contact.phone?.trim() ?? '';
  const email = contact.email?.trim() ?? '';
  if (!firstName || (!phone && !email)) return null;
  return { firstName, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
}

/** A fixer takes a visit to their table; returns the claim event (its id tells, after a sync,
 * whether this claim held: `lostClaimOf`). */
export async function claimVisit(
  author: Author,
  ticket: string,
  table: string,
  deps?: CafeDeps,
): Promise<BewaarEvent> {
  const [event] = await recordEvents(
    author,
    [{ type: 'visit.claimed', subject: ticket, data: { table } }],
    deps,
  );
  if (!event) throw new Error('claim wrote no event');
  return event;
}

/** Puts a visit back into the queue. */
export async function releaseVisit(
  author: Author,
  ticket: string,
  reason?: string,
  deps?: CafeDeps,
): Promise<void> {
  const data = reason?.trim() ? { reason: reason.trim() } : {};
  await recordEvents(author, [{ type: 'visit.released', subject: ticket, data }], deps);
}

/** Records what the fixer found and did. */
export async function recordOutcome(
  author: Author,
  ticket: string,
  data: Outcome,
  deps?: CafeDeps,
): Promise<void> {
  await recordEvents(author, [{ type: 'visit.repaired', subject: ticket, data }], deps);
}

/** The visitor leaves with their item (weighed at the door, or not). */
export async function checkOut(
  author: Author,
  ticket: string,
  weightKg?: number | null,
  deps?: CafeDeps,
): Promise<void> {
  const data = weightKg ? { weightKg } : {};
  await recordEvents(author, [{ type: 'visit.checked-out', subject: ticket, data }], deps);
}

/** The contacts waiting to be sent (not refused), oldest first. */
export async function contactsToSend(db: BewaarDexie): Promise<CafeContactRow[]> {
  const rows = await db.cafeContacts.toArray();
  return rows.filter((row) => !row.refused).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** The server has the contact: this device drops its copy (DESIGN §6). */
export async function contactSent(db: BewaarDexie, ticket: string): Promise<void> {
  await db.cafeContacts.delete(ticket);
}

/** The server refused the contact for good: kept and shown, not sent again. */
export async function contactRefused(
  db: BewaarDexie,
  ticket: string,
  refused: { code: string; message: string },
): Promise<void> {
  await db.cafeContacts.update(ticket, { refused });
}
