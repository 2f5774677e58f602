import { signal } from '@preact/signals';

export interface ToastMessage {
  id: number;
  message: string;
  actionLabel?: string;
  onAction?: () => void;
}

/** One toast at a time: a newer notice replaces the older one (its undo is then gone). */
export const toast = signal<ToastMessage | null>(null);

let next = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Shows a notice for 8 s (long enough to reach Undo with a wet thumb). */
export function showToast(message: string, action?: { label: string; run: () => void }): void {
  clearTimeout(timer);
  const id = next++;
  toast.value = action
    ? { id, message, actionLabel: action.label, onAction: action.run }
    : { id, message };
  timer = setTimeout(() => {
    if (toast.value?.id === id) toast.value = null;
  }, 8000);
}

export function dismissToast(): void {
  clearTimeout(timer);
  toast.value = null;
}
