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
  app.decorate('testHooks', enabled ? new TestHooks() : null);
}
