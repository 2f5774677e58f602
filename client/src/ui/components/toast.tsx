import type { JSX } from 'preact';

export interface ToastProps {
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  onClose: () => void;
}

/** A one-line notice above the tab bar with an optional action (Undo). */
export function Toast({ message, actionLabel, onAction, onClose }: ToastProps): JSX.Element {
  return (
    <div class="toast" role="status">
      <span>{message}</span>
      {actionLabel && onAction ? (
        <button type="button" class="btn" onClick={onAction}>
          {actionLabel}
        </button>
      ) : null}
      <button type="button" class="btn btn-ghost" aria-label="Dismiss" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
