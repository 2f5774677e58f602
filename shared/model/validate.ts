import { type Entity, FIELDS, type FieldSpec } from './entities.js';
import { tagsProblem } from './tags.js';

/**
 * One problem with one field. `message` has no field name ("must be at most 100"): a form puts
 * its own label before it ("Dose must be at most 100"), never the key.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
/**
 * The one id form accepted anywhere: a plain, lower-case UUID (what crypto.randomUUID makes).
 * Not ajv's `uuid` format, which also takes `urn:uuid:…` and upper case: one row must have
 * one spelling, and ids go into cursors and SQL comparisons as they are.
 */
export const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const UUID = new RegExp(UUID_PATTERN);
const DAY_MS = 86_400_000;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** A calendar date that exists (rejects 2026-02-30), as milliseconds at UTC midnight. */
function parseDate(value: string): number | null {
  if (!DATE.test(value)) return null;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? null : ms;
}

/**
 * An ISO timestamp whose date and time exist: 2025-02-30T10:00:00Z and 24:00 are refused,
 * as dates are (Date.parse rolls them over instead).
 */
function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (match === null || parseDate(value.slice(0, 10)) === null) return false;
  const [hours, minutes, seconds] = [
    value.slice(11, 13),
    value.slice(14, 16),
    match[1]?.slice(1, 3),
  ];
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return false;
  const offset = match[3];
  if (
    offset !== undefined &&
    offset !== 'Z' &&
    (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)
  ) {
    return false;
  }
  return !Number.isNaN(Date.parse(value));
}

/**
 * Checks one value against its spec. Returns the message without the field name, or null
 * when the value is acceptable. `nowMs` is the caller's idea of the current time (the
 * server's clock on the server), used by `notFuture`.
 */
export function checkValue(spec: FieldSpec, value: unknown, nowMs: number): string | null {
  if (value === null) {
    return 'required' in spec && spec.required ? 'is required' : null;
  }
  switch (spec.kind) {
    case 'string': {
      if (typeof value !== 'string') return 'must be a string';
      const min = spec.minLength ?? 0;
      if (value.trim().length < min)
        return min === 1 ? 'must not be empty' : `needs ${min}+ characters`;
      if (value.length > spec.maxLength) return `must be at most ${spec.maxLength} characters`;
      return null;
    }
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value)
        ? null
        : `must be one of ${spec.values.join(', ')}`;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (value < spec.min) return `must be at least ${spec.min}`;
      if (value > spec.max) return `must be at most ${spec.max}`;
      if (
        spec.step !== undefined &&
        Math.abs(value / spec.step - Math.round(value / spec.step)) > 1e-9
      )
        return `must be a multiple of ${spec.step}`;
      return null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date': {
      if (typeof value !== 'string') return 'must be a date (YYYY-MM-DD)';
      const ms = parseDate(value);
      if (ms === null) return 'must be a date (YYYY-MM-DD)';
      if (spec.notFuture && ms > nowMs + DAY_MS) return 'must not be in the future';
      return null;
    }
    case 'timestamp':
      return typeof value === 'string' && isTimestamp(value) ? null : 'must be an ISO timestamp';
    case 'ref':
      return isUuid(value) ? null : `must be the id of a ${spec.entity}`;
    case 'ownerRef':
      return isUuid(value) ? null : `must be the id of the row ${spec.entityField} names`;
    case 'sha256':
      return typeof value === 'string' && SHA256_HEX.test(value)
        ? null
        : 'must be a SHA-256 digest in lower-case hex';
    case 'tags':
      return typeof value === 'string' ? tagsProblem(value, spec) : 'must be a string of tags';
  }
}

/**
 * Checks a patch for an entity: unknown fields, bad values, and (for a row that does not
 * exist yet) missing required fields. Returns every problem, in field order.
 */
export function validatePatch(
  entity: Entity,
  patch: Record<string, unknown>,
  nowMs: number,
  options: { creating: boolean } = { creating: false },
): FieldProblem[] {
  const specs: Record<string, FieldSpec> = FIELDS[entity];
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(patch)) {
    // Own properties only: `constructor` or `toString` must read as unknown fields.
    const spec = Object.hasOwn(specs, field) ? specs[field] : undefined;
    if (spec === undefined) {
      problems.push({ field, message: `is not a field of ${entity}` });
      continue;
    }
    const message = checkValue(spec, value, nowMs);
    if (message !== null) problems.push({ field, message });
  }
  if (options.creating) {
    for (const [field, spec] of Object.entries(specs)) {
      if ('required' in spec && spec.required && !(field in patch)) {
        problems.push({ field, message: 'is required' });
      }
    }
  }
  return problems;
}
