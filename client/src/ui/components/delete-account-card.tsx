import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { deleteAccount } from '../../account/delete-account.js';
import { getEngine } from '../sync-state.js';
import { showToast } from '../toast-state.js';
import { accountErrorMessage } from './account-messages.js';
import { Dialog } from './dialog.js';
import { Field } from './field.js';

/**
 * Delete the account: asked in a dialog that needs the password. The server deletes every
 * bag, brew, photo and session of it; then this device is emptied like at log-out.
 */
export function DeleteAccountCard(): JSX.Element {
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setOpen(false);
    setPassword('');
    setError(null);
  }

  async function confirm() {
    if (password === '') return setError('Enter your password to confirm.');
    setBusy(true);
    try {
      const result = await deleteAccount(await getEngine(), password);
      if (!result.ok) {
        setError(
          result.error.code === 'invalid_credentials'
            ? 'Wrong password.'
            : accountErrorMessage(result.error),
        );
        return;
      }
      close();
      showToast('Account deleted; this device is empty');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <p class="muted">
        Deletes every bag, brew and photo in your account, on every device, for good.
      </p>
      <div class="btn-row">
        <button type="button" class="btn btn-danger" onClick={() => setOpen(true)}>
          Delete account…
        </button>
      </div>
      <Dialog open={open} title="Delete your account?" onCancel={close}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <p>This cannot be undone. Your brews leave this device too.</p>
          <Field id="del-password" label="Password">
            {(control) => (
              <input
                {...control}
                class="input"
                type="password"
                autoComplete="current-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
          <div class="btn-row">
            <button type="button" class="btn btn-primary" onClick={close}>
              Keep my account
            </button>
            <button type="submit" class="btn btn-danger" disabled={busy}>
              {busy ? 'Deleting…' : 'Delete forever'}
            </button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}
