import type { Account, Credentials, SessionResponse } from '../../../shared/protocol/auth.js';
import { normalizeEmail } from '../../../shared/protocol/auth-rules.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { learnServerTime } from '../data/clock.js';
import { loadMeta, updateMeta } from '../data/meta.js';
import { localDataCounts } from '../data/queries.js';
import { uploadPendingPhotos } from '../photos/photo-upload.js';
import { clearApiCaches, clearWorkboxQueue } from '../pwa/clear-caches.js';
import { broadcast } from '../sync/channel.js';
import type { SyncEngine, SyncOutcome } from '../sync/engine.js';
import { asErrorBody, requestJson } from '../sync/http.js';
import { networkError, type SyncError, toSyncError } from '../sync/sync-error.js';
import { clearLocalData } from './clear.js';
import { dedupeAnonymousBags } from './dedupe.js';
import { describeUnsynced, unsyncedCounts } from './unsynced.js';

/**
 * Account lifecycle on a device: sign up, log in, log out. Every function returns a result;
 * expected failures (wrong password, offline, a choice the user must make) are not thrown.
 */

/** `kind` tells the outcomes apart: signed in, or refused (by the server or for a reason here). */
export type AccountResult =
  | { kind: 'signed-in'; ok: true; account: Account; sync: SyncOutcome }
  | { kind: 'refused'; ok: false; error: SyncError };

export interface AtStake {
  bags: number;
  brews: number;
}

async function authRequest(
  engine: SyncEngine,
  path: 'signup' | 'login',
  credentials: Credentials,
): Promise<{ ok: true; account: Account } | (AccountResult & { ok: false })> {
  const result = await requestJson(
    engine.transport,
    ROUTES.auth[path].method,
    ROUTES.auth[path].path,
    credentials,
    engine.db.now,
  );
  if (result.kind === 'network') {
    return { kind: 'refused', ok: false, error: networkError(result.error) };
  }
  if (result.status !== 200 && result.status !== 201) {
    const error = toSyncError(asErrorBody(result.status, result.body));
    return { kind: 'refused', ok: false, error };
  }
  const session = result.body as SessionResponse;
  await learnServerTime(engine.db, session.serverTime, result.sentAt, result.receivedAt);
  return { ok: true, account: session.account };
}

/** Makes this device the account's: rows stay, anonymous outbox entries are claimed. */
async function claim(engine: SyncEngine, account: Account): Promise<void> {
  const { db } = engine;
  await db.transaction('rw', [db.meta, db.outbox], async () => {
    await updateMeta(db, { accountId: account.id, email: account.email, signedOutOnServer: false });
    await db.outbox
      .filter((entry) => entry.accountId === null)
      .modify((entry) => {
        entry.accountId = account.id;
      });
  });
}

/**
 * What a log-in on this device would have to merge or discard: the anonymous bags and brews
 * the user can see (deleted ones go along with them but are not counted).
 */
export async function anonymousDataAtStake(engine: SyncEngine): Promise<AtStake> {
  const meta = await loadMeta(engine.db);
  if (meta.accountId !== null) return { bags: 0, brews: 0 };
  return localDataCounts(engine.db);
}

/** Whether the device holds anything at all: rows (deleted included) or unsent writes. */
async function holdsAnything(engine: SyncEngine): Promise<boolean> {
  const { db } = engine;
  const counts = await Promise.all([db.bags.count(), db.brews.count(), db.outbox.count()]);
  return counts.some((count) => count > 0);
}

/** Sign up: everything on the device (rows and outbox) is claimed by the new account and pushed. */
export async function signup(engine: SyncEngine, credentials: Credentials): Promise<AccountResult> {
  const meta = await loadMeta(engine.db);
  if (meta.accountId !== null) {
    return { kind: 'refused', ok: false, error: { code: 'signed_in', message: 'log out first' } };
  }
  const auth = await authRequest(engine, 'signup', credentials);
  if (!auth.ok) return auth;
  await claim(engine, auth.account);
  broadcast({ type: 'signed-in', accountId: auth.account.id });
  return { kind: 'signed-in', ok: true, account: auth.account, sync: await engine.syncNow() };
}

export interface LoginOptions {
  /** Required when the device holds anonymous data (see anonymousDataAtStake). */
  anonymousData?: 'merge' | 'discard';
  /** Required to log in as another account while the previous one has unsynced changes. */
  discardUnsynced?: boolean;
}

export type LoginResult =
  | AccountResult
  | {
      kind: 'choice-required';
      ok: false;
      error: SyncError & { code: 'choice_required' };
      atStake: AtStake;
    }
  | { kind: 'unsynced'; ok: false; error: SyncError & { code: 'unsynced' }; unsynced: number };

/**
 * Log in, then a full paginated pull (progress in engine.status). On a device with anonymous
 * data the caller must choose, once the credentials are known good: merge (bags matching one
 * in the account are not duplicated; their brews move to it) or discard. After a 401 the same account resumes with nothing
 * lost; a different account starts from a cleared device and never gets the outbox.
 */
export async function login(
  engine: SyncEngine,
  credentials: Credentials,
  options: LoginOptions = {},
): Promise<LoginResult> {
  const { db } = engine;
  const meta = await loadMeta(db);
  if (meta.accountId === null) {
    if (options.anonymousData === undefined && (await holdsAnything(engine))) {
      // The password first: a wrong one is said before any question about the data. The
      // session this opens sends nothing: push and pull wait for the device to be claimed.
      const auth = await authRequest(engine, 'login', credentials);
      if (!auth.ok) return auth;
      const atStake = await anonymousDataAtStake(engine);
      const message = `${atStake.bags} bags and ${atStake.brews} brews on this device: merge or discard`;
      return {
        kind: 'choice-required',
        ok: false,
        error: { code: 'choice_required', message },
        atStake,
      };
    }
  } else if (meta.email !== normalizeEmail(credentials.email)) {
    const counts = await unsyncedCounts(db);
    const unsynced = counts.total;
    if (unsynced > 0 && options.discardUnsynced !== true) {
      const message = `${describeUnsynced(counts)} of ${meta.email} have not reached the server`;
      return { kind: 'unsynced', ok: false, error: { code: 'unsynced', message }, unsynced };
    }
  }

  const auth = await authRequest(engine, 'login', credentials);
  if (!auth.ok) return auth;
  const { account } = auth;

  if (meta.accountId === account.id) {
    // The same account after "signed out on the server": everything local is still its own.
    await claim(engine, account);
    broadcast({ type: 'signed-in', accountId: account.id });
    return { kind: 'signed-in', ok: true, account, sync: await engine.syncNow() };
  }
  const merging = meta.accountId === null && options.anonymousData === 'merge';
  if (!merging) await clearDevice(engine);
  const anonymousBags = new Set(merging ? await db.bags.toCollection().primaryKeys() : []);
  // Signed in, but anonymous entries stay unclaimed (not pushed) until the bags are deduped.
  await updateMeta(db, {
    accountId: account.id,
    email: account.email,
    cursor: null,
    signedOutOnServer: false,
  });
  const pulled = await engine.syncNow();
  if (merging) {
    await dedupeAnonymousBags(db, anonymousBags);
    await claim(engine, account);
  }
  broadcast({ type: 'signed-in', accountId: account.id });
  const sync = merging ? await engine.syncNow() : pulled;
  return { kind: 'signed-in', ok: true, account, sync: pulled.ok ? sync : pulled };
}

/**
 * The user cancelled the question a log-in asked about this device's data. The password check
 * opened a session that nothing uses; it is ended now rather than left in the account's list
 * of sessions. One attempt: if it fails, the next log-in revokes it (the cookie names it) and
 * otherwise it expires. A retry could end the session of a log-in the user starts meanwhile.
 */
export async function abandonLogin(engine: SyncEngine): Promise<void> {
  if ((await loadMeta(engine.db)).accountId !== null) return;
  await endServerSession(engine);
}

/**
 * `ended`: the server revoked the session. `queued`: the worker holds the log-out and replays
 * it. `retrying`: the server could not be reached or failed (5xx); this page retries until it
 * answers. The device is cleared in every case.
 */
export type LogoutResult =
  | { ok: true; serverSession: 'ended' | 'queued' | 'retrying' }
  | { ok: false; error: SyncError & { code: 'unsynced' }; unsynced: number };

/** Everything a signed-in device holds, gone: tables, the worker's queue, cached API data. */
async function clearDevice(engine: SyncEngine): Promise<void> {
  await clearLocalData(engine.db);
  await clearWorkboxQueue();
  await clearApiCaches();
  await engine.env.clearLocalKeys?.();
}

/** The device emptied and every tab told: what a log-out and an account deletion end with. */
export async function leaveDevice(engine: SyncEngine): Promise<void> {
  await clearDevice(engine);
  broadcast({ type: 'logged-out' });
  await engine.refresh();
}

export interface LogoutPreview {
  /** Changes and photos still unsent after a push: a log-out would discard them. */
  unsynced: number;
  /** Of those, the images taken here that the server does not have. */
  unsyncedPhotos: number;
  /** The brews the account keeps while this device is emptied. */
  brews: number;
}

/**
 * What a log-out would do, asked before it: pushes first, then counts what is still unsent
 * and the brews the account holds for this device. Writes nothing.
 */
export async function logoutPreview(engine: SyncEngine): Promise<LogoutPreview> {
  const { db } = engine;
  const meta = await loadMeta(db);
  if (meta.accountId !== null && !meta.signedOutOnServer) await sendEverything(engine);
  const [unsynced, counts] = await Promise.all([unsyncedCounts(db), localDataCounts(db)]);
  return { unsynced: unsynced.total, unsyncedPhotos: unsynced.photos, brews: counts.brews };
}

/** The outbox pushed and the photos' bytes uploaded, as far as the server takes them now. */
async function sendEverything(engine: SyncEngine): Promise<void> {
  await engine.pushNow();
  await uploadPendingPhotos(engine.db, engine.transport, { locks: engine.env.locks });
}

/**
 * Log out. Pushes (and uploads photos) first; if changes or photos are still unsynced (pending,
 * queued or rejected), returns
 * their count unless `discard`. Then clears the device (new device id), tells other tabs,
 * and ends the server session — if offline, the service worker queues that request.
 */
export async function logout(
  engine: SyncEngine,
  options: { discard?: boolean } = {},
): Promise<LogoutResult> {
  const { db } = engine;
  const meta = await loadMeta(db);
  if (meta.accountId !== null && !meta.signedOutOnServer) await sendEverything(engine);
  const counts = await unsyncedCounts(db);
  const unsynced = counts.total;
  if (unsynced > 0 && options.discard !== true) {
    const message = `${describeUnsynced(counts)} haven't reached the server`;
    return { ok: false, error: { code: 'unsynced', message }, unsynced };
  }
  await leaveDevice(engine);
  const outcome = await endServerSession(engine);
  if (outcome === 'retry') {
    retrySignOut(engine);
    return { ok: true, serverSession: 'retrying' };
  }
  return { ok: true, serverSession: outcome };
}

/** Retries of a log-out the server did not answer, doubling from 2 s up to a minute. */
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 60_000;

/**
 * One attempt at ending the server session. Only a 2xx means it ended; a 5xx has cleared the
 * cookie but not the session (the browser keeps a sign-out ticket, which the retry carries),
 * and no answer means nothing happened yet. A 4xx is the reply policy's `drop` for a log-out:
 * there is no session left to end.
 */
async function endServerSession(engine: SyncEngine): Promise<'ended' | 'queued' | 'retry'> {
  const { method, path } = ROUTES.auth.logout;
  const result = await requestJson(engine.transport, method, path, {});
  if (result.kind === 'network' || result.status >= 500) return 'retry';
  return result.status === 202 ? 'queued' : 'ended';
}

/**
 * Keeps retrying the revocation while this page lives, until the server answers or the device
 * signs in again (signing in revokes the old session through its ticket, and a log-out sent
 * then would end the new one). The worker's queue covers a page that closes first.
 */
function retrySignOut(engine: SyncEngine, delayMs = RETRY_FIRST_MS): void {
  setTimeout(async () => {
    try {
      if ((await loadMeta(engine.db)).accountId !== null) return;
      if ((await endServerSession(engine)) === 'retry') {
        retrySignOut(engine, Math.min(delayMs * 2, RETRY_MAX_MS));
      }
    } catch {
      // The database was closed under us (the page is going away): the worker's queue, or
      // the ticket at the next sign-in, finishes the log-out.
    }
  }, delayMs);
}
