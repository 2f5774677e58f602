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

export interface PhotoOnServer {
  row: PullResponse['photos'][number];
  /** Byte counts the server serves for the row's full image and thumbnail. */
  fullBytes: number;
  thumbBytes: number;
}

/**
 * Polls until the server holds the photo row `photoId` of the account and serves both images
 * it names (the row and the bytes travel apart: push and upload).
 */
export async function expectPhotoOnServer(
  baseURL: string,
  email: string,
  photoId: string,
  timeout = 30_000,
): Promise<PhotoOnServer> {
  const client = await newApiClient(baseURL);
  await client.login(email);
  let found: PhotoOnServer | undefined;
  try {
    await expect(async () => {
      const row = (await client.pullAll()).photos.find((photo) => photo.id === photoId);
      expect(row, `photo ${photoId} on the server`).toBeDefined();
      if (row === undefined) return;
      const [full, thumb] = await Promise.all([
        client.photoBytes(row.hash),
        client.photoBytes(row.thumbHash),
      ]);
      expect([full.status, thumb.status]).toEqual([200, 200]);
      found = { row, fullBytes: full.size, thumbBytes: thumb.size };
    }).toPass({ timeout, intervals: [250, 500, 1_000] });
  } finally {
    await client.dispose();
  }
  return found as PhotoOnServer;
}
