import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from './version.js';
import { SCHEMA_FINGERPRINT, WIRE_SCHEMAS } from './wire-schemas.js';

describe('protocol version', () => {
  it('changes whenever a wire schema changes', () => {
    const fingerprint = createHash('sha256').update(JSON.stringify(WIRE_SCHEMAS)).digest('hex');
    expect(
      fingerprint,
      `The wire schemas changed. Bump PROTOCOL_VERSION (now ${PROTOCOL_VERSION}), add a history line, and set SCHEMA_FINGERPRINT to '${fingerprint}'.`,
    ).toBe(SCHEMA_FINGERPRINT);
  });
});
