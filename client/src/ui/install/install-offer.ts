import { computed } from '@preact/signals';
import { detectEngine, touchFirst } from './detect-engine.js';
import { installBranch } from './install-branch.js';
import { installed, installPrompt } from './install-events.js';

/** Engine and pointer: fixed for the page's life, read when first asked. */
let device: { engine: ReturnType<typeof detectEngine>; touch: boolean } | null = null;

/** The way this browser installs Dial-in right now (install-branch.ts). */
export const installOffer = computed(() => {
  device ??= { engine: detectEngine(), touch: touchFirst() };
  return installBranch({
    canPrompt: installPrompt.value !== null,
    standalone: installed.value,
    ...device,
  });
});

/**
 * Shows the browser's install prompt and says what the person answered; `unavailable` when
 * there is no event to use (never captured, or used already) or the browser refused it.
 */
export async function promptInstall(): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const event = installPrompt.value;
  if (!event) return 'unavailable';
  // An event prompts once: a second prompt() rejects, so no second tap may reach it.
  installPrompt.value = null;
  try {
    await event.prompt();
    const { outcome } = await event.userChoice;
    if (outcome === 'accepted') installed.value = true;
    return outcome;
  } catch (error) {
    console.warn('install prompt refused', error);
    return 'unavailable';
  }
}
