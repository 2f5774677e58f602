import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { type AtStake, login, logout, signup } from '../../sync/index.js';
import { now } from '../app-state.js';
import { Dialog } from '../components/dialog.js';
import { ago, count } from '../logic/format.js';
import { getEngine, syncNow, syncStatus } from '../sync-state.js';
import { showToast } from '../toast-state.js';
import { RejectedList } from './rejected-list.js';

type Mode = 'signup' | 'login';

const MESSAGES: Record<string, string> = {
  email_taken: 'That email already has an account: log in instead.',
  invalid_credentials: 'Wrong email or password.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  network: 'No connection to the server. Try again when online.',
};

function problemOf(email: string, password: string): string | null {
  if (!/^\S+@\S+\.\S+$/.test(email.trim())) return 'Enter an email address.';
  if (password.length < 8) return 'The password needs at least 8 characters.';
  if (password.length > 200) return 'The password must be at most 200 characters.';
  return null;
}

/** Sign up / log in, and the dialogs a log-in can need (merge or discard). */
function AuthForm({ presetEmail, relogin }: { presetEmail: string; relogin: boolean }) {
  const [mode, setMode] = useState<Mode>(relogin ? 'login' : 'signup');
  const [email, setEmail] = useState(presetEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [choice, setChoice] = useState<AtStake | null>(null);
  const [unsynced, setUnsynced] = useState<number | null>(null);

  async function submit(options: Parameters<typeof login>[2] = {}) {
    const problem = problemOf(email, password);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const creds = { email: email.trim(), password };
      const engine = await getEngine();
      const result =
        mode === 'signup' ? await signup(engine, creds) : await login(engine, creds, options);
      if (result.ok) {
        setPassword('');
        showToast(
          mode === 'signup' ? 'Account created: syncing' : `Signed in as ${result.account.email}`,
        );
        return;
      }
      if (result.kind === 'choice-required') {
        setChoice(result.atStake);
        return;
      }
      if (result.kind === 'unsynced') {
        setUnsynced(result.unsynced);
        return;
      }
      setError(MESSAGES[result.error.code] ?? result.error.message);
    } finally {
      setBusy(false);
    }
  }

  const choose = (options: Parameters<typeof login>[2]) => {
    setChoice(null);
    setUnsynced(null);
    void submit(options);
  };

  return (
    <section class="card stack" aria-labelledby="auth-title">
      <h2 id="auth-title">{mode === 'signup' ? 'Create an account' : 'Log in'}</h2>
      {relogin ? null : (
        <fieldset class="segmented">
          <legend class="visually-hidden">Account action</legend>
          <button
            type="button"
            class="toggle"
            aria-pressed={mode === 'signup'}
            onClick={() => setMode('signup')}
          >
            Sign up
          </button>
          <button
            type="button"
            class="toggle"
            aria-pressed={mode === 'login'}
            onClick={() => setMode('login')}
          >
            Log in
          </button>
        </fieldset>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div class="field">
          <label for="a-email">Email</label>
          <input
            id="a-email"
            class="input"
            type="email"
            autoComplete="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="a-password">Password</label>
          <input
            id="a-password"
            class="input"
            type="password"
            autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
            value={password}
            aria-describedby="a-password-hint"
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <span id="a-password-hint" class="muted">
            At least 8 characters.
          </span>
        </div>
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="btn btn-primary btn-big" disabled={busy}>
          {busy ? 'Please wait…' : mode === 'signup' ? 'Create account' : 'Log in'}
        </button>
      </form>

      <Dialog
        open={choice !== null}
        title="Keep this device's brews?"
        onCancel={() => setChoice(null)}
      >
        <p>
          This device has {choice?.bags ?? 0} bags and {choice?.brews ?? 0} brews that are not in an
          account. Add them to {email.trim()}, or discard them?
        </p>
        <div class="btn-row">
          <button
            type="button"
            class="btn btn-danger"
            onClick={() => choose({ anonymousData: 'discard' })}
          >
            Discard them
          </button>
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => choose({ anonymousData: 'merge' })}
          >
            Add to my account
          </button>
        </div>
      </Dialog>
      <Dialog open={unsynced !== null} title="Unsynced changes" onCancel={() => setUnsynced(null)}>
        <p>
          {unsynced} changes of the previous account haven't reached the server. Logging in as{' '}
          {email.trim()} discards them.
        </p>
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => setUnsynced(null)}>
            Cancel
          </button>
          <button
            type="button"
            class="btn btn-danger"
            onClick={() => choose({ discardUnsynced: true })}
          >
            Discard and log in
          </button>
        </div>
      </Dialog>
    </section>
  );
}

function SignedIn({ email }: { email: string }) {
  const status = syncStatus.value;
  const [unsynced, setUnsynced] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  async function signOut(discard: boolean) {
    setBusy(true);
    try {
      const result = await logout(await getEngine(), { discard });
      if (!result.ok) return setUnsynced(result.unsynced);
      setUnsynced(null);
      showToast(
        result.serverSession === 'ended'
          ? 'Signed out'
          : 'Signed out on this device; the server will be told when online',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby="signed-title">
      <h2 id="signed-title">Signed in</h2>
      <p>
        <strong>{email}</strong>
      </p>
      <div class="btn-row">
        <button
          type="button"
          class="btn btn-danger"
          disabled={busy}
          onClick={() => void signOut(false)}
        >
          Log out
        </button>
      </div>
      <Dialog open={unsynced !== null} title="Unsynced changes" onCancel={() => setUnsynced(null)}>
        <p>
          {count(unsynced ?? 0)} {unsynced === 1 ? "change hasn't" : "changes haven't"} reached the
          server.
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
  );
}

function SyncDetails() {
  const s = syncStatus.value;
  const state =
    s.state === 'offline'
      ? 'Offline'
      : s.state === 'syncing'
        ? 'Syncing…'
        : s.state === 'error'
          ? 'Error'
          : 'Up to date';
  return (
    <section class="card stack" aria-labelledby="sync-title">
      <h2 id="sync-title">Sync</h2>
      <dl class="kv">
        <dt>Status</dt>
        <dd data-testid="sync-state">{s.accountId ? state : 'This device only (no account)'}</dd>
        <dt>Last synced</dt>
        <dd>{s.lastSyncedAt ? ago(s.lastSyncedAt, now.value) : 'never'}</dd>
        <dt>Waiting to send</dt>
        <dd>{count(s.pending)}</dd>
        {s.lastError && s.state === 'error' ? (
          <>
            <dt>Last error</dt>
            <dd>{s.lastError.message}</dd>
          </>
        ) : null}
      </dl>
      {s.accountId ? (
        <div class="btn-row">
          <button type="button" class="btn" disabled={s.state === 'syncing'} onClick={syncNow}>
            Sync now
          </button>
        </div>
      ) : null}
      <RejectedList />
    </section>
  );
}

/** Account: who is signed in, sync details, rejected changes; sign up, log in, log out. */
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
        <SignedIn email={s.email ?? ''} />
      ) : (
        <AuthForm presetEmail={s.email ?? ''} relogin={s.signedOutOnServer} />
      )}
      <SyncDetails />
    </div>
  );
}
