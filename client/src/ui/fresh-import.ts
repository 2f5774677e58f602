/**
 * A second way into a chunk whose import() failed once. Firefox keeps a failed import() in the
 * page's module map for the life of the page (whatwg/html#6768, fixed in the spec by
 * whatwg/html#10327; Gecko bug 2055211), so importing the same URL again fails at once
 * whatever the network does. The same URL with a fragment of its own is another entry of that
 * map but the same resource: the fragment is never sent, so the worker's precache and the HTTP
 * cache still answer it.
 *
 * Firefox names the URL in its error ("error loading dynamically imported module: <url>");
 * engines that do not name it (WebKit) load the plain URL again on the next import() once
 * their failed copy is fetched again (refetch-chunks.ts), so they never need this.
 */

/** The same-origin module URL a failed import() names, or null when it names none. */
export function failedModuleUrl(error: unknown, origin: string): string | null {
  const text = error instanceof Error ? error.message : String(error);
  for (const [found] of text.matchAll(/https?:\/\/[^\s'"<>]+?\.m?js(?=[\s'"<>#?]|$)/g)) {
    // A URL of another origin is nothing of ours to load.
    if (new URL(found).origin === origin) return found;
  }
  return null;
}

/**
 * The module namespace inside `chunk` that exports `name`. A bundled chunk exports each source
 * module's namespace under a short name of the bundler's choice; in development the chunk is
 * the module itself.
 */
export function namespaceWith<T>(chunk: Record<string, unknown>, name: string): T | null {
  if (name in chunk) return chunk as T;
  const inner = Object.values(chunk).find(
    (value) => typeof value === 'object' && value !== null && name in value,
  );
  return (inner as T | undefined) ?? null;
}

let fragments = 0;

/** Imports the module at `url` as a new entry of the module map (a fragment of its own). */
export function importAfresh(url: string): Promise<Record<string, unknown>> {
  fragments += 1;
  return import(/* @vite-ignore */ `${url}#retry-${fragments}`);
}
