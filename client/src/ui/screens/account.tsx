import type { JSX } from 'preact';
import { AuthForm } from '../components/auth-form.js';
import { SignedInCard } from '../components/signed-in-card.js';
import { count } from '../logic/format.js';
import { syncStatus } from '../sync-state.js';
import { SyncDetails } from './sync-details.js';

/**
 * Account: who is signed in, sync details, rejected changes; sign up, log in, log out; the
 * account's devices, password and deletion (components/signed-in-card.tsx and its parts).
 */
export function AccountScreen(): JSX.Element {
  const s = syncStatus.value;
  return (
    <div class="stack">
      <h1>Account</h1>
      {s.signedOutOnServer ? (
        <div class="banner banner-danger" role="alert">
          <strong>You were signed out on the server.</strong> Your {count(s.pending)} unsynced
          changes are kept on this device. Log in again to send them.
        </div>
      ) : null}
      {s.accountId === null ? (
        <p class="muted">
          Your brews live on this device. An account keeps them in sync between your phone and your
          laptop, and safe if this device is lost.
        </p>
      ) : null}
      {s.accountId !== null && !s.signedOutOnServer ? (
        <SignedInCard email={s.email ?? ''} />
      ) : (
        <AuthForm presetEmail={s.email ?? ''} relogin={s.signedOutOnServer} />
      )}
      <SyncDetails />
    </div>
  );
}
