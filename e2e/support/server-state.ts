import { expect } from '@playwright/test';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { type ApiClient, newApiClient } from './api.js';

/**
 * What the server holds for an account, read through the API with the account's own session
 * (a fresh cookie jar: the devices' sessions are untouched). Not a spec.
 */
export type AccountRows = Pick<PullResponse, 'bags' | 'brews'>;

/** Logs in once (log-ins are rate-limited per email) and reads every row on each call. */
export async function accountReader(
  baseURL: string,
  email: string,
): Promise<{ rows(): Promise<AccountRows>; dispose(): Promise<void> }> {
  const client: ApiClient = await newApiClient(baseURL);
  await client.login(email);
  return {
    async rows() {
      const { bags, brews } = await client.pullAll();
      return { bags, brews };
    },
    dispose: () => client.dispose(),
  };
}

/**
 * Polls the server until `check` passes on the account's rows (no fixed sleeps): the devices
 * sync in the background, so what the server holds arrives "soon", not at a known moment.
 * Returns the rows that passed.
 */
export async function expectServer(
  baseURL: string,
  email: string,
  check: (rows: AccountRows) => void,
  timeout = 30_000,
): Promise<AccountRows> {
  const reader = await accountReader(baseURL, email);
  let passed: AccountRows | undefined;
  try {
    await expect(async () => {
      const rows = await reader.rows();
      check(rows);
      passed = rows;
    }).toPass({ timeout, intervals: [250, 500, 1_000] });
  } finally {
    await reader.dispose();
  }
  return passed as AccountRows;
}
