import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerBroadcast } from './messages.js';

/**
 * askWorkerReplay() against a stand-in for navigator.serviceWorker: what reaches the worker when
 * the page asks several times. (The e2e specs e2e/pwa-replay-fallback.spec.ts run the real one.)
 */

interface FakeWorkerContainer {
  active: { postMessage: ReturnType<typeof vi.fn> } | null;
  getRegistration: () => Promise<{ active: FakeWorkerContainer['active'] } | undefined>;
}

let container: FakeWorkerContainer;

async function freshWorkerLink() {
  // Module state (the request waiting to go out) must not carry over between tests.
  vi.resetModules();
  return import('./worker-link.js');
}

const postedReplays = () =>
  container.active?.postMessage.mock.calls.filter(([message]) => message.type === 'replay')
    .length ?? 0;

beforeEach(() => {
  container = {
    active: { postMessage: vi.fn() },
    async getRegistration() {
      return { active: container.active };
    },
  };
  vi.stubGlobal('navigator', { serviceWorker: container });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('askWorkerReplay', () => {
  it('asks made before the message goes out share it', async () => {
    const { askWorkerReplay } = await freshWorkerLink();
    const asks = [askWorkerReplay(), askWorkerReplay(), askWorkerReplay()];
    expect(await Promise.all(asks)).toEqual([true, true, true]);
    expect(postedReplays()).toBe(1);
  });

  it('an ask right after a message went out sends its own (the queue may have grown since)', async () => {
    const { askWorkerReplay } = await freshWorkerLink();
    await askWorkerReplay();
    // The page queued a push offline and came back online, all within a second.
    await askWorkerReplay();
    expect(postedReplays()).toBe(2);
  });

  it('an ask that found no active worker does not swallow the next one', async () => {
    const { askWorkerReplay } = await freshWorkerLink();
    const worker = container.active;
    container.active = null;
    // First load: the start-up ask comes before the worker is active.
    expect(await askWorkerReplay()).toBe(false);
    container.active = worker;
    expect(await askWorkerReplay()).toBe(true);
    expect(postedReplays()).toBe(1);
  });

  it('an ask whose registration lookup failed does not block the next ones', async () => {
    const { askWorkerReplay } = await freshWorkerLink();
    const lookup = container.getRegistration;
    container.getRegistration = () => Promise.reject(new Error('invalid state'));
    await expect(askWorkerReplay()).rejects.toThrow('invalid state');
    container.getRegistration = lookup;
    expect(await askWorkerReplay()).toBe(true);
    expect(postedReplays()).toBe(1);
  });
});

describe('retryWhileQueued', () => {
  const queued = (pending: number): WorkerBroadcast => ({
    type: 'queued',
    mutationIds: ['m'],
    pending,
  });
  const replayed = (pending: number, stalled: boolean): WorkerBroadcast => ({
    type: 'replayed',
    acked: [],
    rejected: [],
    pending,
    stalled,
  });

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a push queued while online is retried within seconds, with no other trigger', async () => {
    const { retryWhileQueued } = await freshWorkerLink();
    const replay = vi.fn();
    const schedule = retryWhileQueued(replay, () => true);
    // The server is down: the worker queued the push and the device never went offline.
    schedule.report(queued(1));
    await vi.advanceTimersByTimeAsync(999);
    expect(replay).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(replay).toHaveBeenCalledTimes(1);
    schedule.stop();
  });

  it('backs off from 1 s to 15 s while rounds stall, and never waits longer', async () => {
    const { retryWhileQueued, RETRY_DELAYS_MS } = await freshWorkerLink();
    const replay = vi.fn();
    const schedule = retryWhileQueued(replay, () => true);
    schedule.report(queued(1));
    const delays = [...RETRY_DELAYS_MS, 15_000, 15_000];
    for (const [round, delay] of delays.entries()) {
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(replay).toHaveBeenCalledTimes(round);
      await vi.advanceTimersByTimeAsync(1);
      expect(replay).toHaveBeenCalledTimes(round + 1);
      schedule.report(replayed(1, true));
    }
    schedule.stop();
  });

  it('stops once a round leaves nothing queued, and starts again from 1 s', async () => {
    const { retryWhileQueued } = await freshWorkerLink();
    const replay = vi.fn();
    const schedule = retryWhileQueued(replay, () => true);
    schedule.report(queued(2));
    await vi.advanceTimersByTimeAsync(1_000);
    schedule.report(replayed(1, true));
    await vi.advanceTimersByTimeAsync(2_000);
    schedule.report(replayed(0, false));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(replay).toHaveBeenCalledTimes(2);
    schedule.report(queued(1));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(replay).toHaveBeenCalledTimes(3);
    schedule.stop();
  });

  it('more pushes queued meanwhile do not push the waiting ask back', async () => {
    const { retryWhileQueued } = await freshWorkerLink();
    const replay = vi.fn();
    const schedule = retryWhileQueued(replay, () => true);
    schedule.report(queued(1));
    await vi.advanceTimersByTimeAsync(600);
    schedule.report(queued(2));
    await vi.advanceTimersByTimeAsync(400);
    expect(replay).toHaveBeenCalledTimes(1);
    schedule.stop();
  });

  it('makes no ask while offline (the online event asks instead)', async () => {
    const { retryWhileQueued } = await freshWorkerLink();
    const replay = vi.fn();
    let online = false;
    const schedule = retryWhileQueued(replay, () => online);
    schedule.report(queued(1));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(replay).not.toHaveBeenCalled();
    online = true;
    schedule.report(replayed(1, true));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(replay).toHaveBeenCalledTimes(1);
    schedule.stop();
  });
});
