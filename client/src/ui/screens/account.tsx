import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { PASSWORD_LENGTH, passwordProblem } from '../../../../shared/protocol/auth-rules.js';
import { type AtStake, login, logout, logoutPreview, signup } from '../../account/account.js';
import { Dialog } from '../components/dialog.js';
import { Field } from '../components/field.js';
import { count } from '../logic/format.js';
import { getEngine, syncStatus } from '../sync-state.js';
import { showToast } from '../toast-state.js';
import { KeepDataDialog, LogoutDialog, UnsyncedLoginDialog } from './account-dialogs.js';
import { SyncDetails } from './sync-details.js';

type Mode = 'signup' | 'login';

const MESSAGES: Record<string, string> = {
  email_taken: 'That email already has an account: log in instead.',
  invalid_credentials: 'Wrong email or password.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  network: 'No connection to the server. Try again when online.',
};

function problemOf(email: string, password: string): string | null {
  if (!/^\S+@\S+\.\S+$/.test(email.trim())) return 'Enter an email address.';
  return passwordProblem(password);
}

function ModeToggle({ mode, onMode }: { mode: Mode; onMode: (mode: Mode) => void }) {
  return (
    <fieldset class="segmented">
      <legend class="visually-hidden">Account action</legend>
      <button
        type="button"
        class="toggle"
        aria-pressed={mode === 'signup'}
        onClick={() => onMode('signup')}
      >
        Sign up
      </button>
      <button
        type="button"
        class="toggle"
        aria-pressed={mode === 'login'}
        onClick={() => onMode('login')}
      >
        Log in
      </button>
    </fieldset>
  );
}

function CredentialFields(props: {
  mode: Mode;
  email: string;
  password: string;
  onEmail: (email: string) => void;
  onPassword: (password: string) => void;
}) {
  return (
    <>
      <Field id="a-email" label="Email">
        {(control) => (
          <input
            {...control}
            class="input"
            type="email"
            autoComplete="email"
            value={props.email}
            onInput={(e) => props.onEmail(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="a-password" label="Password" hint={`At least ${PASSWORD_LENGTH.min} characters.`}>
        {(control) => (
          <input
            {...control}
            class="input"
            type="password"
            autoComplete={props.mode === 'signup' ? 'new-password' : 'current-password'}
            value={props.password}
            onInput={(e) => props.onPassword(e.currentTarget.value)}
          />
        )}
      </Field>
    </>
  );
}

function AuthSubmit({ mode, error, busy }: { mode: Mode; error: string | null; busy: boolean }) {
  return (
    <>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" class="btn btn-primary btn-big" disabled={busy}>
        {busy ? 'Please wait…' : mode === 'signup' ? 'Create account' : 'Log in'}
      </button>
    </>
  );
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
      {relogin ? null : <ModeToggle mode={mode} onMode={setMode} />}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <CredentialFields
          mode={mode}
          email={email}
          password={password}
          onEmail={setEmail}
          onPassword={setPassword}
        />
        <AuthSubmit mode={mode} error={error} busy={busy} />
      </form>

      <KeepDataDialog
        atStake={choice}
        email={email.trim()}
        onCancel={() => setChoice(null)}
        onChoose={choose}
      />
      <UnsyncedLoginDialog
        unsynced={unsynced}
        email={email.trim()}
        onCancel={() => setUnsynced(null)}
        onChoose={choose}
      />
    </section>
  );
}

function SignedIn({ email }: { email: string }) {
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
        <button type="button" class="btn btn-danger" disabled={busy} onClick={() => void ask()}>
          Log out
        </button>
      </div>
      <LogoutDialog
        brews={safeBrews}
        onStay={() => setSafeBrews(null)}
        onLogOut={() => void signOut(false)}
      />
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
