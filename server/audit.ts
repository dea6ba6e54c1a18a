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
  | 'labels.reserved';

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

/** The tenant's newest audit rows first, with the actor's name. */
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
  return rows.map((row) => ({
    ...row,
    actorName: row.actorName ?? null,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
