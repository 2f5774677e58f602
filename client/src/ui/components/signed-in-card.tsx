import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { logout, logoutPreview } from '../../account/account.js';
import { count } from '../logic/format.js';
import { LogoutDialog } from '../screens/account-dialogs.js';
import { getEngine, syncStatus } from '../sync-state.js';
import { showToast } from '../toast-state.js';
import { ChangePasswordCard } from './change-password-card.js';
import { DeleteAccountCard } from './delete-account-card.js';
import { Dialog } from './dialog.js';
import { SessionList } from './session-list.js';

/** Said when the device is cleared but the server has not confirmed the session ended. */
export const SIGNED_OUT_PENDING =
  "Signed out on this device; we'll finish signing out on the server when it answers";

/** Signed in: who, log out (asked once), the account's sessions, password, deletion. */
export function SignedInCard({ email }: { email: string }): JSX.Element {
  const status = syncStatus.value;
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const [safeBrews, setSafeBrews] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  // One question before a log-out: the unsynced one when changes would be lost, else this.
  async function ask() {
    setBusy(true);
    try {
      const preview = await logoutPreview(await getEngine());
      if (preview.unsynced > 0) setUnsynced(preview.unsynced);
      else setSafeBrews(preview.brews);
    } finally {
      setBusy(false);
    }
  }

  async function signOut(discard: boolean) {
    setSafeBrews(null);
    setBusy(true);
    try {
      const result = await logout(await getEngine(), { discard });
      if (!result.ok) return setUnsynced(result.unsynced);
      setUnsynced(null);
      showToast(result.serverSession === 'ended' ? 'Signed out' : SIGNED_OUT_PENDING);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section class="card stack" aria-labelledby="signed-title">
        <h2 id="signed-title">Signed in</h2>
        <p>
          <strong>{email}</strong>
        </p>
        <div class="btn-row">
          <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void ask()}>
            Log out
          </button>
        </div>
        <LogoutDialog
          brews={safeBrews}
          onStay={() => setSafeBrews(null)}
          onLogOut={() => void signOut(false)}
        />
        <Dialog
          open={unsynced !== null}
          title="Unsynced changes"
          onCancel={() => setUnsynced(null)}
        >
          <p>
            {count(unsynced ?? 0)} {unsynced === 1 ? "change hasn't" : "changes haven't"} reached
            the server.
            {status.state === 'offline' ? ' You are offline.' : ''}
          </p>
          <div class="btn-row">
            <button type="button" class="btn btn-primary" onClick={() => setUnsynced(null)}>
              Stay signed in
            </button>
            <button type="button" class="btn btn-danger" onClick={() => void signOut(true)}>
              Discard and sign out
            </button>
          </div>
        </Dialog>
      </section>
      <SessionList onSignOutHere={() => void ask()} busy={busy} />
      <ChangePasswordCard />
      <DeleteAccountCard />
    </>
  );
}
