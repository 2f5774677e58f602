import { useState } from 'preact/hooks';
import { PASSWORD_LENGTH, passwordProblem } from '../../../../shared/protocol/auth-rules.js';
import { type AtStake, abandonLogin, login, signup } from '../../account/account.js';
import { KeepDataDialog, UnsyncedLoginDialog } from '../screens/account-dialogs.js';
import { getEngine } from '../sync-state.js';
import { showToast } from '../toast-state.js';
import { accountErrorMessage } from './account-messages.js';
import { Field } from './field.js';

type Mode = 'signup' | 'login';

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
export function AuthForm({ presetEmail, relogin }: { presetEmail: string; relogin: boolean }) {
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
      setError(accountErrorMessage(result.error));
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
        onCancel={() => {
          setChoice(null);
          void getEngine().then(abandonLogin);
        }}
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
