/**
 * The fields of `patch` whose value differs from what the form was opened with. An edit
 * screen saves only these: the row may have changed under the open form (a pull brought
 * another device's edit), and re-sending a field the person never touched would write the
 * stale value over that edit with a newer clock.
 */
export function changedFields<T extends Record<string, unknown>>(
  patch: T,
  opened: Record<string, unknown>,
): Partial<T> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.fromEntries(
    Object.entries(patch).filter(([field, value]) => !same(value, opened[field])),
  ) as Partial<T>;
}
