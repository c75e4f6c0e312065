// Writing domain events: the only way a model records one. Called inside the transaction of the
// change it reports, so a change and its event (the notifications' outbox) commit together. The
// payload is checked against the catalogue at compile time and again here, so every stored row is
// one that parseEvent can read back.
import type { Prisma } from "@prisma/client";
import { EVENT_CATALOGUE, parsePayload, type EventType, type PayloadFor } from "./catalogue";

/** A transaction, or the client itself for writers outside one (the reminder job). */
export type EventWriter = Pick<Prisma.TransactionClient, "domainEvent">;

export type EventOptions = {
  /** When the change happened, if it must match the change's own timestamp; the insert time otherwise. */
  occurredAt?: Date;
  /** For events raised by jobs that may run twice: the second insert is skipped (recordEvents only). */
  dedupeKey?: string;
};

/** One event to record with recordEvents: type, payload and options together. */
export type NewEvent = { [T in EventType]: { type: T; payload: PayloadFor[T] } & EventOptions }[EventType];

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

export async function recordEvent<T extends EventType>(
  db: EventWriter,
  type: T,
  payload: PayloadFor[T],
  options: EventOptions = {},
) {
  return db.domainEvent.create({ data: eventRow(type, payload, options), select: { id: true } });
}

/** Several events in one insert; with skipDuplicates, events whose dedupeKey is already stored are left out. */
export async function recordEvents(db: EventWriter, events: NewEvent[], { skipDuplicates = false } = {}) {
  if (events.length === 0) return { count: 0 };
  const rows = events.map(({ type, payload, ...options }) =>
    eventRow(type, payload as PayloadFor[typeof type], options),
  );
  return db.domainEvent.createMany({ data: rows, skipDuplicates });
}
