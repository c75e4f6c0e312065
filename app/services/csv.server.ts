// CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote or line break is quoted
// and its quotes doubled), with one deliberate change: public comments are written by anyone, and a
// spreadsheet runs a cell that starts with = + - or @ as a formula (CSV injection, OWASP). Such a
// text cell gets a leading single quote, so it opens as the text that was written. Tab and carriage
// return also start formulas in some spreadsheets (OWASP lists them) and are treated the same. Numbers
// are written as numbers, so a negative count stays a number.
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

// Excel reads a CSV file as the local code page unless it starts with a byte order mark; with it,
// commenters' names with accents open correctly. Other readers skip it.
const BOM = "\uFEFF";

/** Streams a header row and then each row as UTF-8, pulling rows only as fast as the client reads. */
export function csvStream(
  header: readonly string[],
  rows: AsyncIterable<readonly CsvValue[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvRow(header)));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRow(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
