/**
 * Takes the page's failed copies of its lazy chunks out of the way, so the next import() can
 * load them. WebKit keeps a chunk's failed answer (a 503 while the server was down) in its
 * memory cache, and an import() of that URL is answered from there: the page's retries fail,
 * and so does a reload, for as long as the web process lives (measured in WebKitGTK 2.50:
 * "Try again" and the sync engine's retry never loaded the chunk, however long the server had
 * been back). A fetch() of the URL goes to the network (or the worker) and replaces that copy.
 *
 * The URLs are the ones Vite's preload helper put in the document for every lazy import: a
 * `modulepreload` link per JS chunk and a `stylesheet` link per CSS file. A stylesheet that
 * failed stays in the document without a sheet, and the helper does not add a link whose URL
 * is already there, so that link is replaced by a fresh one too (else the screens that open
 * after the retry would come without their styles).
 *
 * Returns whether any chunk could be fetched: false means the server (or the network) is still
 * not answering, and a retry now would fail.
 */
export async function refetchPreloadedChunks(): Promise<boolean> {
  const links = [
    ...document.querySelectorAll<HTMLLinkElement>(
      'link[rel="modulepreload"], link[rel="stylesheet"]',
    ),
  ].filter(
    (link) =>
      new URL(link.href, location.href).origin === location.origin &&
      (link.rel === 'modulepreload' || link.sheet === null),
  );
  const answers = await Promise.all(
    links.map(async (link) => {
      try {
        const response = await fetch(link.href);
        if (!response.ok) return false;
        if (link.rel === 'stylesheet') link.replaceWith(link.cloneNode());
        return true;
      } catch {
        return false;
      }
    }),
  );
  return answers.includes(true);
}
