// What a fixer's phone remembers across reloads (meta): the table they sit at, and the claim it
// wrote last (its event id tells, after a sync, whether that claim held: lostClaimOf).
import { CAFE_KINDS, nextFor, parseCode, type CafeSkill, type VisitState } from '../../domain';
import { claimVisit, deleteMeta, useMeta, writeMeta, type Author } from '../../storage';

const MY_TABLE = 'cafeTable';
const MY_CLAIM = 'cafeMyClaim';

export interface MyClaim {
  ticket: string;
  event: string;
}

/** The table this device's fixer sits at (its name), or null. */
export function useMyTable(): string | null | undefined {
  const value = useMeta(MY_TABLE);
  return value === undefined ? undefined : typeof value === 'string' ? value : null;
}

export function chooseTable(name: string | null): Promise<void> {
  return name ? writeMeta(MY_TABLE, name) : deleteMeta(MY_TABLE);
}

/** The claim this device wrote last and has not finished with. */
export function useMyClaim(): MyClaim | null | undefined {
  const value = useMeta(MY_CLAIM);
  return value === undefined ? undefined : ((value as MyClaim | null) ?? null);
}

export function forgetClaim(): Promise<void> {
  return deleteMeta(MY_CLAIM);
}

/** Claims a visit for this table and remembers the claim. */
export async function claimForTable(author: Author, ticket: string, table: string): Promise<void> {
  const event = await claimVisit(author, ticket, table);
  await writeMeta(MY_CLAIM, { ticket, event: event.id } satisfies MyClaim);
}

/** Claims the oldest waiting visit of the skill; false when nobody waits. */
export async function claimNext(
  author: Author,
  visits: readonly VisitState[],
  skill: CafeSkill,
  table: string,
): Promise<boolean> {
  const next = nextFor(visits, skill);
  if (!next) return false;
  await claimForTable(author, next.ticket, table);
  return true;
}

/** A typed or scanned ticket code in canonical form, or null when it is not one. */
export function ticketOf(input: string): string | null {
  const parsed = parseCode(input, CAFE_KINDS);
  return parsed.ok && parsed.kind === 'ticket' ? parsed.code : null;
}
