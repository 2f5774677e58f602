import pg from 'pg';

/** PostgreSQL's type oid for int8 (bigint); `count(*)` returns it too. */
const INT8_OID = 20;

/**
 * The one place int8 is parsed. `pg` hands it over as a string because it can exceed 2^53;
 * our int8 columns are counters (account version) and counts, far below that, so they become
 * numbers. A value past the safe range throws instead of silently losing precision.
 */
export function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`int8 value ${value} does not fit a JavaScript number`);
  }
  return parsed;
}

/** Per-pool type parsers (not pg's global ones), so nothing else in the process is affected. */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};
