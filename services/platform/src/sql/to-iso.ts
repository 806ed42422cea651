/** A timestamptz as the drivers return it (Date, or text) to ISO 8601 UTC with milliseconds. */
export function toIso(value: unknown): string {
  const d = value instanceof Date ? value : new Date(String(value));
  return d.toISOString();
}
