import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/protocol/routes.js';
import { createPostgresPhotoStore } from '../src/photos/postgres-photo-store.js';
import { createFuzzer, type Fuzzer, hostileString, runs } from './fuzz-harness.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';

/**
 * The photo byte routes under random uploads and downloads: every answer is a success or a
 * named 4xx in the one error body, and every refusal leaves the database (rows and bytes) as
 * it was (the harness checks both). Bodies start with real and fake image signatures.
 */
let t: TestApp;
let fuzz: Fuzzer;
let cookie: string;

// A small quota and image limit, so the fuzzer reaches both refusals within a few requests.
const MAX_BYTES = 4096;
beforeAll(async () => {
  t = await createTestApp({
    photos: (db) => ({
      store: createPostgresPhotoStore(db),
      quotaBytes: 3 * MAX_BYTES,
      retentionMs: 1000,
      maxBytes: MAX_BYTES,
    }),
  });
  cookie = (await signUp(t.app)).cookie;
  fuzz = createFuzzer(t.app, t.db);
});
afterAll(async () => {
  console.log(
    `fuzz photos: ${fuzz.sent} requests, statuses ${JSON.stringify(Object.fromEntries(fuzz.statuses))}`,
  );
  await t?.close();
});

const SIGNATURES = [
  [0xff, 0xd8, 0xff, 0xe0],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0x52, 0x49, 0x46, 0x46, 1, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
  [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  [0x25, 0x50, 0x44, 0x46],
  [],
];

const body = fc
  .tuple(
    fc.constantFrom(...SIGNATURES),
    fc.uint8Array({ maxLength: 64 }),
    fc.constantFrom(0, 100, MAX_BYTES - 20, MAX_BYTES + 1),
  )
  .map(([signature, tail, pad]) =>
    Buffer.concat([Buffer.from(signature), Buffer.from(tail), Buffer.alloc(pad, 7)]),
  );

/** 64 lower-case hex digits: a well-formed hash that names nothing uploaded. */
const hex64 = fc
  .array(fc.constantFrom(...'0123456789abcdef'), { minLength: 64, maxLength: 64 })
  .map((digits) => digits.join(''));

/** The photo path of any text, percent-encoded byte by byte (lone surrogates included). */
const pathOf = (hash: string) =>
  ROUTES.photos.download.path.replace(
    ':hash',
    [...Buffer.from(hash, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join(''),
  );

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('fuzzing the photo byte routes', () => {
  it('answers any upload with 200 or a named refusal that writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        body,
        fc.oneof(fc.constant('own'), hex64, hostileString),
        fc.constantFrom('image/jpeg', 'image/png', 'application/json', 'text/plain', undefined),
        async (bytes, hashChoice, type) => {
          const hash = hashChoice === 'own' ? sha(bytes) : hashChoice;
          const response = await fuzz.send({
            method: 'PUT',
            url: pathOf(hash),
            headers: { cookie, ...(type === undefined ? {} : { 'content-type': type }) },
            payload: bytes,
          });
          expect([200, 400, 403, 404, 413, 415]).toContain(response.statusCode);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('answers any download with a named 404 or 400 when no photo row names the hash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hex64, hostileString), async (hash) => {
        const response = await fuzz.send({
          method: 'GET',
          url: pathOf(hash),
          headers: { cookie },
        });
        expect([400, 404]).toContain(response.statusCode);
      }),
      { numRuns: runs(200) },
    );
  });
});
