// A JSON object: what AppSync reads as a map (not an array, not null).
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
