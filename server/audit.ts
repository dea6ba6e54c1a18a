// The audit log (table audit_log): one row per administrative change, written by the caller inside
// the transaction that makes the change, so a change and its record commit or fail together.
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Schema } from './store/schema';

export type AuditAction =
  | 'site.created'
  | 'site.updated'
  | 'person.created'
  | 'person.updated'
  | 'person.password-changed'
  | 'person.password-reset'
  | 'region.created'
  | 'region.updated'
  | 'region.granted'
  | 'region.withdrawn'
  | 'device.enrolled'
  | 'device.revoked'
  | 'enrollment-code.created'
  | 'labels.reserved'
  | 'contact.erased';

export interface AuditEntry {
  tenantId: string;
  /** The person who made the change; null when a device enrolled itself. */
  actor: string | null;
  action: AuditAction;
  target: string;
  details: Record<string, unknown>;
}

/** Writes one audit row; call it with the transaction of the change it records. */
export async function writeAudit(db: Kysely<Schema>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: uuidv7(),
      tenant_id: entry.tenantId,
      at: new Date().toISOString(),
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details),
    })
    .execute();
}

/** The ids an audit row names besides its actor: its target, the site(s) in its details, and the
 * person whose enrollment code a device used. */
function namedIds(target: string, details: Record<string, unknown>): string[] {
  const ids = [target];
  if (typeof details.site === 'string') ids.push(details.site);
  if (typeof details.codeBy === 'string') ids.push(details.codeBy);
  if (Array.isArray(details.sites))
    for (const site of details.sites) if (typeof site === 'string') ids.push(site);
  return ids;
}

/** Today's names of the people, devices, sites and regions that audit rows name, by id, so the
 * log can be read as sentences ("An Peeters schreef toestel … in") rather than ids. Only what
 * belongs to the tenant (or is the tenant) is looked up; anything else keeps no name. */
async function auditNames(
  db: Kysely<Schema>,
  tenantId: string,
  ids: ReadonlySet<string>,
): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  if (ids.size === 0) return names;
  const wanted = [...ids];
  const groups = [
    await db.selectFrom('tenants').select(['id', 'name']).where('id', '=', tenantId).execute(),
  ];
  for (const table of ['sites', 'devices', 'people'] as const)
    groups.push(
      await db
        .selectFrom(table)
        .select(['id', 'name'])
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', wanted)
        .execute(),
    );
  for (const row of groups.flat()) names[row.id] = row.name;
  return names;
}

/** The tenant's newest audit rows first, with the actor's name, and the names of what they
 * name (see auditNames). */
export async function listAudit(db: Kysely<Schema>, tenantId: string, limit: number) {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('people', 'people.id', 'audit_log.actor')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor',
      'people.name as actorName',
      'audit_log.action',
      'audit_log.target',
      'audit_log.details',
    ])
    .where('audit_log.tenant_id', '=', tenantId)
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
  const entries = rows.map((row) => ({
    ...row,
    actorName: row.actorName ?? null,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
  const ids = new Set(entries.flatMap((entry) => namedIds(entry.target, entry.details)));
  return { entries, names: await auditNames(db, tenantId, ids) };
}
