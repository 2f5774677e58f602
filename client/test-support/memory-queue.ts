import type { QueueEntry, RequestQueue } from '../src/pwa/sw/queue-entry.js';

/**
 * The Workbox queue's contract in memory (FIFO; entries keep their request and metadata, and
 * each read hands out a fresh clone of the request), for the worker's code in Node tests. The
 * e2e specs run the real Workbox queue in Chromium.
 */
export function memoryQueue(): RequestQueue & { entries: QueueEntry[] } {
  const entries: QueueEntry[] = [];
  const copy = (entry: QueueEntry): QueueEntry => ({ ...entry, request: entry.request.clone() });
  return {
    entries,
    async pushRequest(entry) {
      entries.push({ timestamp: Date.now(), ...copy(entry) });
    },
    async unshiftRequest(entry) {
      entries.unshift(copy(entry));
    },
    async shiftRequest() {
      return entries.shift();
    },
    async getAll() {
      return entries.map(copy);
    },
    async size() {
      return entries.length;
    },
  };
}
