import { createHash } from 'node:crypto';

/** An inline `<script>` element (no `src`) and its text, as the HTML holds it. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

/**
 * The CSP sources that allow exactly the inline scripts of an HTML page: `'sha256-…'` of each
 * script's text. index.html has one, the few lines that apply a forced theme before the first
 * paint (a module script runs only after the page has painted once); any other inline script,
 * an injected one, is still refused. Read from the built file the server sends, so the hash
 * always names the bytes the build wrote.
 */
export function inlineScriptSources(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    ([, text = '']) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
  );
}
