// Writing domain events: the only way a model records one. Called inside the transaction of the
// change it reports, so a change and its event (the notifications' outbox) commit together. The
// payload is checked against the catalogue at compile time and again here, so every stored row is
// one that parseEvent can read back.
//
// An event that is part of the public record (public-log.ts) also writes its log entry here, in
// the same transaction: an unsequenced LogPending row (one insert, no shared lock: the sequencer
// job numbers it after the commit). So there is never a change without its entry or the reverse.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { Prisma } from "@prisma/client";
import { canonicalize } from "../log/canonical-json";
import { EVENT_CATALOGUE, parsePayload, type EventType, type PayloadFor } from "./catalogue";
import { PUBLIC_LOG, type PersonalContent, type PersonalEventType } from "./public-log";

/** A transaction, or the client itself for writers outside one (the reminder job). */
export type EventWriter = Pick<Prisma.TransactionClient, "domainEvent" | "$executeRaw" | "$executeRawUnsafe">;

export type EventOptions = {
  /** When the change happened, if it must match the change's own timestamp; the insert time otherwise. */
  occurredAt?: Date;
  /** For events raised by jobs that may run twice: the second insert is skipped (recordEvents only). */
  dedupeKey?: string;
};

/** Options of an event type: the personal content for types whose log entry commits to it. */
export type OptionsFor<T extends EventType> = T extends PersonalEventType
  ? EventOptions & { personal: PersonalContent }
  : EventOptions & { personal?: never };

/** One event to record with recordEvents: type, payload and options together. */
export type NewEvent = {
  [T in Exclude<EventType, PersonalEventType>]: { type: T; payload: PayloadFor[T] } & EventOptions;
}[Exclude<EventType, PersonalEventType>];

/** The DomainEvent row for an event; throws EventPayloadError if the payload does not fit its type. */
export function eventRow<T extends EventType>(
  type: T,
  payload: PayloadFor[T],
  options: EventOptions = {},
): Prisma.DomainEventCreateManyInput {
  const checked = parsePayload(type, payload, `A new ${type} event`);
  // The catalogue types `aggregate` as a string field of this payload; indexing the union of
  // payloads by it needs the cast.
  const aggregateId = (checked as Record<string, string>)[EVENT_CATALOGUE[type].aggregate];
  return {
    type,
    aggregateId,
    payload: checked as Prisma.InputJsonObject,
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
    ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}),
  };
}

/** The log's version of an entry body; a verifier refuses versions it does not know. */
export const LOG_BODY_VERSION = 1;

export type LogRow = { eventId: string; type: string; projectId: string | null; body: string; salt: Buffer | null };

/** sha256(salt || canonical {name, text}), hex: binds the entry to the words without showing them. */
export function commitment(salt: Buffer, content: PersonalContent): string {
  return createHash("sha256")
    .update(salt)
    .update(canonicalize({ name: content.name, text: content.text }))
    .digest("hex");
}

/** The log row of an event, or null when the event is not part of the public record. */
export function logRow<T extends EventType>(
  type: T,
  payload: PayloadFor[T],
  eventId: string,
  occurredAt: Date,
  personal?: PersonalContent,
): LogRow | null {
  const rule = PUBLIC_LOG[type];
  if (!rule.public) return null;
  let salt: Buffer | null = null;
  const body: Record<string, unknown> = {
    v: LOG_BODY_VERSION,
    type,
    eventId,
    occurredAt: occurredAt.toISOString(),
    data: rule.body(payload),
  };
  if (rule.personal) {
    if (!personal) throw new Error(`A ${type} event needs the personal content its log entry commits to.`);
    salt = randomBytes(32);
    body.commitment = { alg: "sha256(salt||jcs({name,text}))", hash: commitment(salt, personal) };
  }
  return { eventId, type, projectId: rule.projectId(payload), body: canonicalize(body), salt };
}

async function insertLogRows(db: EventWriter, rows: LogRow[], onlyIfEventStored: boolean) {
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.eventId);
  const guard = onlyIfEventStored ? `where exists (select 1 from "DomainEvent" d where d.id = e.id)` : "";
  await db.$executeRawUnsafe(
    `insert into "LogPending" ("eventId", "type", "projectId", "body")
     select e.id, e.type, e.project, e.body
     from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as e(id, type, project, body) ${guard}`,
    ids,
    rows.map((row) => row.type),
    rows.map((row) => row.projectId),
    rows.map((row) => row.body),
  );
}

export async function recordEvent<T extends EventType>(
  db: EventWriter,
  type: T,
  payload: PayloadFor[T],
  ...[options]: T extends PersonalEventType ? [options: OptionsFor<T>] : [options?: OptionsFor<T>]
) {
  const occurredAt = options?.occurredAt ?? new Date();
  const event = eventRow(type, payload, { ...options, occurredAt });
  const id = randomUUID();
  const row = logRow(type, payload, id, occurredAt, options?.personal);
  if (!row) {
    return db.domainEvent.create({ data: { ...event, id }, select: { id: true } });
  }
  // The event, its log entry and (for what a person wrote) the private salt in ONE statement: the
  // log costs the writer no extra round trip (issue 17 item 6, bench/README.md "Public log").
  // occurredAt goes in as ISO text: a timestamp without time zone ignores the Z, so the column
  // holds the UTC wall time exactly as Prisma writes it.
  const insertEvent = Prisma.sql`
    insert into "DomainEvent" (id, type, "aggregateId", payload, "occurredAt", "dedupeKey")
    values (${id}, ${type}, ${event.aggregateId}, ${JSON.stringify(event.payload)}::jsonb,
      ${occurredAt.toISOString()}::timestamp(3), ${event.dedupeKey ?? null})`;
  const insertEntry = Prisma.sql`
    insert into "LogPending" ("eventId", "type", "projectId", "body")
    values (${id}, ${row.type}, ${row.projectId}, ${row.body})`;
  await db.$executeRaw(
    row.salt
      ? Prisma.sql`with event as (${insertEvent}), entry as (${insertEntry})
          insert into "LogCommitment" ("eventId", "salt") values (${id}, ${row.salt})`
      : Prisma.sql`with event as (${insertEvent}) ${insertEntry}`,
  );
  return { id };
}

/** Several events in one insert; with skipDuplicates, events whose dedupeKey is already stored are left out. */
export async function recordEvents(db: EventWriter, events: NewEvent[], { skipDuplicates = false } = {}) {
  if (events.length === 0) return { count: 0 };
  const now = new Date();
  const prepared = events.map(({ type, payload, ...options }) => {
    // Ids chosen here so each log row can name its event (createMany returns no ids).
    const id = randomUUID();
    const occurredAt = options.occurredAt ?? now;
    const row = eventRow(type, payload as PayloadFor[typeof type], { ...options, occurredAt });
    return { row: { ...row, id }, log: logRow(type, payload as PayloadFor[typeof type], id, occurredAt) };
  });
  const result = await db.domainEvent.createMany({ data: prepared.map((p) => p.row), skipDuplicates });
  await insertLogRows(
    db,
    prepared.flatMap((p) => (p.log ? [p.log] : [])),
    skipDuplicates,
  );
  return result;
}
