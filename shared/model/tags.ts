/**
 * A tags field (`kind: 'tags'` in entities.ts) holds its tags in one string, `cherry, cocoa`.
 * These are the one reading and writing of that string, so the form's chips, the validator
 * and the imports agree on what a tag is: trimmed, never empty, kept once (case-insensitively,
 * the first spelling wins), in the order given.
 */

/** What separates tags in the stored string (a comma and a space, for a readable CSV cell). */
export const TAG_SEPARATOR = ', ';

/** The tags of a stored value; null and '' hold none. */
export function splitTags(value: string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return uniqueTags(value.split(','));
}

/** The stored value for a list of tags: null when there are none. */
export function joinTags(tags: readonly string[]): string | null {
  const unique = uniqueTags(tags);
  return unique.length === 0 ? null : unique.join(TAG_SEPARATOR);
}

/** Trimmed, non-empty, each once (compared without case), first spelling and order kept. */
export function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLocaleLowerCase();
    if (tag === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/**
 * Why a stored tags value is not acceptable, or null. The stored form is exactly what
 * joinTags makes, so one list has one spelling and "same clock, same value" holds.
 */
export function tagsProblem(
  value: string,
  limits: { maxLength: number; maxTagLength: number },
): string | null {
  if (value.length > limits.maxLength) return `must be at most ${limits.maxLength} characters`;
  const tags = value.split(',').map((t) => t.trim());
  if (tags.some((t) => t === '')) return 'must not hold an empty tag';
  const long = tags.find((t) => t.length > limits.maxTagLength);
  if (long !== undefined) return `must hold tags of at most ${limits.maxTagLength} characters`;
  if (joinTags(tags) !== value) return 'must be tags separated by ", ", each once';
  return null;
}
