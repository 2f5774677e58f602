import type { FastifyInstance } from 'fastify';

/**
 * Knobs for the e2e and client tests, only present with DIALIN_TEST_HOOKS=1 (`app.testHooks`
 * is null otherwise). The push handler calls `countPush()` first, then `takePushFailure()`,
 * and answers that status before writing anything when it is not null.
 */
export class TestHooks {
  #pushRequests = 0;
  #failures: { status: number; remaining: number } | null = null;
  #crashAfterCommit = false;
  #failingAssets: string | null = null;

  countPush(): void {
    this.#pushRequests += 1;
  }

  get pushRequests(): number {
    return this.#pushRequests;
  }

  /** The next `count` pushes answer `status`. Replaces any earlier instruction. */
  failNextPushes(status: number, count: number): void {
    this.#failures = count > 0 ? { status, remaining: count } : null;
  }

  takePushFailure(): number | null {
    const failures = this.#failures;
    if (failures === null) return null;
    failures.remaining -= 1;
    if (failures.remaining <= 0) this.#failures = null;
    return failures.status;
  }

  /** The next push that commits kills this process (SIGKILL) before it answers. */
  crashAfterNextCommit(): void {
    this.#crashAfterCommit = true;
  }

  /**
   * Built files under /assets/ whose path contains `fragment` answer 503 until this is called with null: a
   * chunk that failed to load (a dropped connection mid-deploy, a flaky proxy) for the lazy
   * screens' "Try again" tests.
   */
  failAssets(fragment: string | null): void {
    this.#failingAssets = fragment;
  }

  assetFails(path: string): boolean {
    return this.#failingAssets !== null && path.includes(this.#failingAssets);
  }

  /** Called by the push route after its transaction committed; true once per arming. */
  takeCrashAfterCommit(): boolean {
    const armed = this.#crashAfterCommit;
    this.#crashAfterCommit = false;
    return armed;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Test knobs; null unless DIALIN_TEST_HOOKS=1. */
    testHooks: TestHooks | null;
  }
}

export function decorateTestHooks(app: FastifyInstance, enabled: boolean): void {
  const hooks = enabled ? new TestHooks() : null;
  app.decorate('testHooks', hooks);
  if (hooks === null) return;
  // On the root instance, so it sees the static files' routes too.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && path.startsWith('/assets/') && hooks.assetFails(path)) {
      return reply.code(503).header('cache-control', 'no-store').send('test hook: asset fails');
    }
  });
}
