// Label sheets (tables label_batches and label_codes): codes drawn with crypto randomness and
// reserved for good, so no code is handed out twice — across batches, regions and devices — and
// none names a subject that already belongs to a region (subject_owners); a reserved code
// belongs to the region that printed it.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { generateCode } from '../src/domain/index';
import type { LabelKind, Schema } from './store/schema';

type Db = Kysely<Schema>;
const CHUNK = 500;

export interface LabelBatch {
  id: string;
  kind: LabelKind;
  count: number;
  createdAt: string;
  createdBy: string;
}

/** Makes the candidates that no region holds yet (no label, no event: subject_owners) this
 * region's, and returns those. ON CONFLICT DO NOTHING: a concurrent batch or push that takes one
 * first keeps it, and this batch draws again. */
async function claimFree(db: Db, tenantId: string, codes: readonly string[]): Promise<string[]> {
  const won: string[] = [];
  for (let start = 0; start < codes.length; start += CHUNK) {
    const rows = await db
      .insertInto('subject_owners')
      .values(
        codes.slice(start, start + CHUNK).map((subject) => ({ subject, tenant_id: tenantId })),
      )
      .onConflict((oc) => oc.column('subject').doNothing())
      .returning('subject')
      .execute();
    for (const row of rows) won.push(row.subject);
  }
  const claimed = new Set(won);
  return codes.filter((code) => claimed.has(code));
}

/**
 * Reserves `count` new codes of a kind as one batch; call inside a transaction. Inserts skip a
 * code that is already reserved (ON CONFLICT DO NOTHING, so a concurrent batch cannot make this
 * one fail) and draw again until the sheet is full.
 */
export async function reserveLabels(
  db: Db,
  request: { tenantId: string; kind: LabelKind; count: number; createdBy: string },
  random: (n: number) => Uint8Array = (n) => randomBytes(n),
): Promise<{ batch: LabelBatch; codes: string[] }> {
  const batch: LabelBatch = {
    id: randomUUID(),
    kind: request.kind,
    count: request.count,
    createdAt: new Date().toISOString(),
    createdBy: request.createdBy,
  };
  await db
    .insertInto('label_batches')
    .values({
      id: batch.id,
      tenant_id: request.tenantId,
      kind: batch.kind,
      count: batch.count,
      created_at: batch.createdAt,
      created_by: batch.createdBy,
    })
    .execute();
  const codes: string[] = [];
  let position = 0;
  for (let round = 0; codes.length < request.count; round += 1) {
    // 40 random bits per code: a full round of collisions means something else is wrong.
    if (round >= 10) throw new Error('could not draw enough free label codes');
    const wanted = request.count - codes.length;
    const drawn = new Set<string>();
    for (let tries = 0; drawn.size < wanted && tries < wanted * 4; tries += 1)
      drawn.add(generateCode(request.kind, random));
    const candidates = await claimFree(
      db,
      request.tenantId,
      [...drawn].filter((code) => !codes.includes(code)),
    );
    for (let start = 0; start < candidates.length; start += CHUNK) {
      const part = candidates.slice(start, start + CHUNK);
      const inserted = await db
        .insertInto('label_codes')
        .values(
          part.map((code, index) => ({
            code,
            tenant_id: request.tenantId,
            kind: request.kind,
            batch_id: batch.id,
            position: position + index,
            created_at: batch.createdAt,
          })),
        )
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('code')
        .execute();
      const won = new Set(inserted.map((row) => row.code));
      // A code taken meanwhile leaves a gap in the positions, never a tie.
      position += part.length;
      for (const code of part) if (won.has(code)) codes.push(code);
    }
  }
  return { batch, codes };
}

const batchColumns = ['id', 'kind', 'count', 'created_at', 'created_by'] as const;

function toBatch(row: {
  id: string;
  kind: LabelKind;
  count: number;
  created_at: string;
  created_by: string;
}): LabelBatch {
  return {
    id: row.id,
    kind: row.kind,
    count: row.count,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** The tenant's batches, newest first. */
export async function listBatches(db: Db, tenantId: string): Promise<LabelBatch[]> {
  const rows = await db
    .selectFrom('label_batches')
    .select(batchColumns)
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toBatch);
}

async function batchOf(db: Db, tenantId: string, batchId: string): Promise<LabelBatch | null> {
  const row = await db
    .selectFrom('label_batches')
    .select(batchColumns)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', batchId)
    .executeTakeFirst();
  return row ? toBatch(row) : null;
}

/** One batch of the tenant with its codes in sheet order, or null. */
export async function loadBatch(
  db: Db,
  tenantId: string,
  batchId: string,
): Promise<{ batch: LabelBatch; codes: string[] } | null> {
  const batch = await batchOf(db, tenantId, batchId);
  if (!batch) return null;
  const codes = await db
    .selectFrom('label_codes')
    .select('code')
    .where('batch_id', '=', batchId)
    .orderBy('position')
    .execute();
  return { batch, codes: codes.map((c) => c.code) };
}

/** A reserved code of the tenant with its batch, or null. */
export async function loadLabel(db: Db, tenantId: string, code: string) {
  const row = await db
    .selectFrom('label_codes')
    .select(['code', 'kind', 'batch_id'])
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  const batch = await batchOf(db, tenantId, row.batch_id);
  return batch ? { code: row.code, kind: row.kind, batch } : null;
}
