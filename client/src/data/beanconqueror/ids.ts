/**
 * Row ids for imported Beanconqueror records, derived from their uuids so that importing the
 * same export twice, or a newer one later, finds the rows it made and adds no duplicates.
 * Like a UUID v5 (RFC 9562 §5.5): a hash of a fixed namespace, the record kind and its uuid,
 * here SHA-256 (crypto.subtle has no SHA-1 in every engine's worker) truncated to 128 bits and
 * marked version 8 ("custom"), variant 10 — the lower-case form `isUuid` accepts.
 */

/** Fixed for ever: changing it would make every re-import duplicate what the last one made. */
const NAMESPACE = 'dial-in/beanconqueror-import/v1';

export type BcKind = 'bean' | 'brew' | 'mill' | 'preparation';

export async function importedId(kind: BcKind, beanconquerorUuid: string): Promise<string> {
  const data = new TextEncoder().encode(`${NAMESPACE}\u0000${kind}\u0000${beanconquerorUuid}`);
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', data)).slice(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The bag that holds brews whose bean is not in the export (one per device, made once). */
export const MISSING_BEAN_UUID = '\u0000no-bean';
