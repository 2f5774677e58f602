/**
 * A row id derived from names, so every device that derives it from the same names writes
 * the same row (merged per field) instead of two. Like a UUID v5 (RFC 9562 §5.5): a hash of
 * a fixed namespace and the names, here SHA-256 (crypto.subtle has no SHA-1 in every engine's
 * worker) truncated to 128 bits and marked version 8 ("custom"), variant 10 — the lower-case
 * form `isUuid` accepts. A namespace is fixed for ever: changing it changes every id.
 */
export async function nameBasedId(namespace: string, names: readonly string[]): Promise<string> {
  const data = new TextEncoder().encode([namespace, ...names].join('\u0000'));
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', data)).slice(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
