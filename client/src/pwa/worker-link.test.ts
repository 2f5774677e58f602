import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

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
