import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * A statement whose SQL begins with this comment runs as a named prepared statement on
 * PostgreSQL: parsed and planned once per connection, then executed with new parameters.
 * Without it every statement is planned again; the pull statement, one branch per synced
 * table, took longer to plan (1.5–2.1 ms) than to run (docs/performance.md, "the pull's
 * planning"). Only statements that run often and have few distinct texts carry it: each text
 * stays prepared for the life of its connection.
 */
export const PREPARED = '/* prepared */';

// Marked texts are few (the pull has one per entity), so each is hashed once, not per query.
const names = new Map<string, string>();

/** The statement's name: its text's hash, so two texts never share one. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `p_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Makes this connection run marked statements as named prepared statements. Kysely calls
 * `query(text, values)`; every other call goes through unchanged. PGlite's adapter is not
 * given this: it is one in-process session, with no round trip to save.
 */
export function prepareMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const marked = (text: unknown, values: unknown): boolean =>
    typeof text === 'string' && text.trimStart().startsWith(PREPARED) && Array.isArray(values);
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values, ...rest] = args;
    if (!marked(text, values)) return query(...args);
    return query({ name: statementName(text as string), text, values }, ...rest);
  };
}
