import { signal } from '@preact/signals';

/**
 * "Finish this bag?": the bag a saved brew just emptied (bag-freshness.ts emptiedBy), asked
 * about once, app-wide, so the question survives the save's move to the brew list.
 */
export const finishPrompt = signal<{ bagId: string; name: string } | null>(null);

export function offerFinish(bagId: string, name: string): void {
  finishPrompt.value = { bagId, name };
}

export function dismissFinish(): void {
  finishPrompt.value = null;
}
