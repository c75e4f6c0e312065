// Keyset pages for the public record: every collection is read in a stable order (a sort column and
// the id as tie-breaker) "after" the last key of the previous page, so any depth costs one index
// range scan and the whole of a docket can be paged through. No OFFSET anywhere.
export type KeysetPage<K> = { limit: number; after: K | null };
export type Paged<T, K> = { items: T[]; nextKey: K | null };

/** Rows fetched with `take: limit + 1`: the extra row only says that there is a next page. */
export function paged<T, K>(rows: T[], limit: number, keyOf: (row: T) => K): Paged<T, K> {
  const items = rows.slice(0, limit);
  return { items, nextKey: rows.length > limit ? keyOf(items[items.length - 1]) : null };
}

/** Prisma's where for "(field, id) > (value, id)" in ascending order. */
export function afterKey<F extends string, V>(field: F, after: { value: V; id: string } | null) {
  if (!after) return {};
  return { OR: [{ [field]: { gt: after.value } }, { [field]: after.value, id: { gt: after.id } }] } as Record<
    "OR",
    object[]
  >;
}
