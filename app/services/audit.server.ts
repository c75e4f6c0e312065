// Append-only audit trail. Call inside the same transaction as the change it records, so a
// change without its audit event (or the reverse) can never be committed.
import type { Prisma } from "@prisma/client";
import type { DbClient } from "./db.server";

export type AuditContext = { actorId: string | null; requestId: string | null };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

export async function recordAudit(db: DbClient, context: AuditContext, entry: AuditEntry) {
  await db.auditEvent.create({
    data: {
      actorId: context.actorId,
      requestId: context.requestId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
