import type { FastifyRequest } from 'fastify';
import type { TObject } from 'typebox';
import { AppError } from '../errors/app-error.js';

/** Decimal digits, no sign, no leading zero, no space: what an integer in a query looks like. */
const DECIMAL = /^(0|[1-9]\d{0,15})$/;

/**
 * preValidation hook for a query schema: an integer property is converted from the query
 * string only when written plainly in decimal. ajv's coercion would otherwise take `1.5`,
 * `0x2`, `0b11`, `' 3'` or `1e1` for numbers. Runs before the schema, on the raw strings.
 */
export function strictIntegerQuery(schema: TObject) {
  const integers = Object.entries(schema.properties)
    .filter(([, property]) => (property as { type?: unknown }).type === 'integer')
    .map(([name]) => name);
  return async function refuseLooseIntegers(request: FastifyRequest): Promise<void> {
    const query = request.query as Record<string, unknown>;
    for (const name of integers) {
      const raw = query[name];
      if (typeof raw === 'string' && !DECIMAL.test(raw)) {
        throw new AppError(
          400,
          'bad_request',
          `querystring.${name} must be a whole number in decimal digits: got ${JSON.stringify(raw)}`,
          { in: 'querystring', field: name },
        );
      }
    }
  };
}
