/**
 * A load (a chunk's dynamic import, and what is built from it) done once and shared by every
 * caller, except that a failure is not remembered: the next call loads afresh. A rejected
 * promise kept for good left a screen on "Loading…", or a page without sync, until a reload.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}
