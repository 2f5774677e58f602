import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { PASSWORD_LENGTH } from '../../../../shared/protocol/auth-rules.js';
import { changePassword } from '../../account/change-password.js';
import { plural } from '../logic/format.js';
import { getEngine } from '../sync-state.js';
import { showToast } from '../toast-state.js';
import { accountErrorMessage } from './account-messages.js';
import { Field } from './field.js';

function PasswordInput(props: {
  id: string;
  label: string;
  hint?: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onValue: (value: string) => void;
}): JSX.Element {
  return (
    <Field id={props.id} label={props.label} {...(props.hint ? { hint: props.hint } : {})}>
      {(control) => (
        <input
          {...control}
          class="input"
          type="password"
          autoComplete={props.autoComplete}
          value={props.value}
          onInput={(e) => props.onValue(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** Change password: the current one, a new one by the sign-up rules; other devices sign out. */
export function ChangePasswordCard(): JSX.Element {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (current === '') return setError('Enter your current password.');
    setBusy(true);
    try {
      const result = await changePassword(await getEngine(), {
        currentPassword: current,
        newPassword: next,
      });
      if (!result.ok) {
        setError(
          result.error.code === 'invalid_credentials'
            ? 'The current password is wrong.'
            : accountErrorMessage(result.error),
        );
        return;
      }
      setError(null);
      setCurrent('');
      setNext('');
      const others = result.value.revokedSessions;
      showToast(
        others === 0
          ? 'Password changed'
          : `Password changed; ${plural(others, 'other device')} signed out`,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby="password-title">
      <h2 id="password-title">Change password</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <PasswordInput
          id="pw-current"
          label="Current password"
          autoComplete="current-password"
          value={current}
          onValue={setCurrent}
        />
        <PasswordInput
          id="pw-new"
          label="New password"
          hint={`At least ${PASSWORD_LENGTH.min} characters. Your other devices will be signed out.`}
          autoComplete="new-password"
          value={next}
          onValue={setNext}
        />
        {error ? (
          <p class="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? 'Please wait…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
