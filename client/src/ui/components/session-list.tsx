import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { SessionInfo } from '../../../../shared/protocol/session.js';
import { listSessions, revokeOtherSessions, revokeSession } from '../../account/sessions.js';
import { ago } from '../logic/format.js';
import { getEngine } from '../sync-state.js';
import { showToast } from '../toast-state.js';
import { accountErrorMessage } from './account-messages.js';

function SessionRow(props: {
  session: SessionInfo;
  busy: boolean;
  onSignOut: () => void;
}): JSX.Element {
  const { session } = props;
  const now = Date.now();
  return (
    <li class="card stack" aria-label={session.device}>
      <p>
        <strong>{session.device}</strong>
        {session.current ? ' · this device' : ''}
      </p>
      <p class="muted">
        Signed in {ago(Date.parse(session.createdAt), now)} · last seen{' '}
        {ago(Date.parse(session.lastSeenAt), now)}
      </p>
      <div class="btn-row">
        <button type="button" class="btn" disabled={props.busy} onClick={props.onSignOut}>
          {session.current ? 'Sign out this device' : 'Sign out'}
        </button>
      </div>
    </li>
  );
}

/**
 * The account's signed-in devices. This device signs out through the log-out flow (which
 * asks and clears it); others are ended on the server at once.
 */
export function SessionList(props: { onSignOutHere: () => void; busy: boolean }): JSX.Element {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  async function load() {
    const result = await listSessions(await getEngine());
    if (result.ok) {
      setSessions(result.value);
      setError(null);
    } else setError(accountErrorMessage(result.error));
  }
  useEffect(() => {
    void load();
  }, []);

  async function run(
    action: () => Promise<{ ok: boolean; error?: { code: string; message: string } }>,
    done: string,
  ) {
    setWorking(true);
    try {
      const result = await action();
      if (result.ok) showToast(done);
      else if (result.error) setError(accountErrorMessage(result.error));
      await load();
    } finally {
      setWorking(false);
    }
  }

  const others = (sessions ?? []).filter((s) => !s.current).length;
  return (
    <section class="card stack" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Signed-in devices</h2>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {sessions === null ? <p class="muted">Loading…</p> : null}
      <ul class="list">
        {(sessions ?? []).map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            busy={working || props.busy}
            onSignOut={
              session.current
                ? props.onSignOutHere
                : () =>
                    void run(
                      async () => revokeSession(await getEngine(), session.id),
                      `Signed out ${session.device}`,
                    )
            }
          />
        ))}
      </ul>
      {others > 0 ? (
        <div class="btn-row">
          <button
            type="button"
            class="btn btn-danger"
            disabled={working}
            onClick={() =>
              void run(
                async () => revokeOtherSessions(await getEngine()),
                'Signed out everywhere else',
              )
            }
          >
            Sign out everywhere else
          </button>
        </div>
      ) : null}
    </section>
  );
}
