/**
 * The audit trail: who signed in (or failed to), created, changed, restored, submitted or merged what.
 * Rows are only ever inserted; a database trigger refuses UPDATE, DELETE and TRUNCATE, and the API has
 * no route that writes them other than by doing the audited thing.
 */
import type { Queryable } from './database/database';

export interface AuditEntry {
  actor: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(queryable: Queryable, entry: AuditEntry): Promise<void> {
  await queryable.query(
    'INSERT INTO audit_log (actor, action, target, detail) VALUES ($1, $2, $3, $4::jsonb)',
    [entry.actor, entry.action, entry.target ?? null, entry.detail ? JSON.stringify(entry.detail) : null],
  );
}

export async function readAudit(queryable: Queryable, limit: number) {
  const rows = await queryable.query<Record<string, unknown>>(
    'SELECT id, at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    at: (row.at instanceof Date ? row.at : new Date(String(row.at))).toISOString(),
    actor: row.actor as string | null,
    action: row.action as string,
    target: row.target as string | null,
    detail: row.detail ?? null,
  }));
}
