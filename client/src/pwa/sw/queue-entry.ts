/**
 * What the service worker stores beside each queued request, and how it reads a push body to
 * get it. Lib-agnostic (runs in the worker, type-checked against DOM and WebWorker).
 */

/** A queued push: the account it was written under and the outbox entries it carries. */
export interface PushMeta {
  kind: 'push';
  /** The PushRequest's accountId. The server refuses the replay (403) under another account. */
  accountId: string;
  mutationIds: string[];
}

/** A queued log-out: the session must still end on the server once the device is online. */
export interface LogoutMeta {
  kind: 'logout';
}

export type QueueMeta = PushMeta | LogoutMeta;

/** The part of a Workbox `Queue` the replay uses; an in-memory one can stand in for tests. */
export interface QueueEntry {
  request: Request;
  timestamp?: number;
  metadata?: object;
}

export interface RequestQueue {
  pushRequest(entry: QueueEntry): Promise<void>;
  unshiftRequest(entry: QueueEntry): Promise<void>;
  shiftRequest(): Promise<QueueEntry | undefined>;
  getAll(): Promise<QueueEntry[]>;
  size(): Promise<number>;
}

/** Reads a push body (from a clone) for its account and mutation ids. */
export async function describePush(request: Request): Promise<PushMeta> {
  let accountId = '';
  let mutationIds: string[] = [];
  try {
    const body: unknown = await request.clone().json();
    if (typeof body === 'object' && body !== null) {
      const { accountId: account, mutations } = body as {
        accountId?: unknown;
        mutations?: unknown;
      };
      if (typeof account === 'string') accountId = account;
      if (Array.isArray(mutations)) {
        mutationIds = mutations
          .map((m: unknown) =>
            typeof m === 'object' && m !== null ? (m as { id?: unknown }).id : null,
          )
          .filter((id): id is string => typeof id === 'string');
      }
    }
  } catch {
    // Not JSON: the server answers 400 and the replay drops it; there is no outbox entry to mark.
  }
  return { kind: 'push', accountId, mutationIds };
}

/** Metadata read back from IndexedDB; anything unrecognised is treated as a push with no ids. */
export function readMeta(metadata: object | undefined): QueueMeta {
  const value = metadata as Partial<PushMeta> | Partial<LogoutMeta> | undefined;
  if (value?.kind === 'logout') return { kind: 'logout' };
  const push = value as Partial<PushMeta> | undefined;
  return {
    kind: 'push',
    accountId: typeof push?.accountId === 'string' ? push.accountId : '',
    mutationIds: Array.isArray(push?.mutationIds)
      ? push.mutationIds.filter((id): id is string => typeof id === 'string')
      : [],
  };
}

/** Every mutation id waiting in the queue, in queue order. */
export async function queuedMutationIds(queue: RequestQueue): Promise<string[]> {
  const entries = await queue.getAll();
  return entries.flatMap((entry) => {
    const meta = readMeta(entry.metadata);
    return meta.kind === 'push' ? meta.mutationIds : [];
  });
}

/**
 * Removes the entries `drop` selects and keeps the rest in order with their timestamps. Workbox
 * has no delete-by-id, so the queue is drained and refilled; callers hold the queue lock.
 */
export async function removeEntries(
  queue: RequestQueue,
  drop: (meta: QueueMeta) => boolean,
): Promise<number> {
  const kept: QueueEntry[] = [];
  let removed = 0;
  for (let entry = await queue.shiftRequest(); entry; entry = await queue.shiftRequest()) {
    if (drop(readMeta(entry.metadata))) removed += 1;
    else kept.push(entry);
  }
  for (const entry of kept) await queue.pushRequest(entry);
  return removed;
}
