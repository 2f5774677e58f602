import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface DialogProps {
  open: boolean;
  title: string;
  /** Escape or the backdrop: the safe choice (stay, keep, cancel). */
  onCancel: () => void;
  children: ComponentChildren;
}

/**
 * A modal on the native <dialog>: the browser traps focus, restores it on close and maps
 * Escape to `cancel`, which is more than a hand-rolled overlay gets right.
 */
export function Dialog({ open, title, onCancel, children }: DialogProps): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  const titleId = `dlg-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}
