/** A plain object (not null, not an array): the first check every reader of untrusted JSON makes. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
