import type { JSX } from 'preact';
import type { AtStake, login } from '../../account/account.js';
import { Dialog } from '../components/dialog.js';
import { plural } from '../logic/format.js';

type LoginOptions = Parameters<typeof login>[2];

interface ChoiceProps {
  /** The address being logged in to, as typed. */
  email: string;
  onCancel: () => void;
  /** Logs in again with the choice made. */
  onChoose: (options: LoginOptions) => void;
}

/** Logging in on a device holding anonymous data: add it to the account, or discard it. */
export function KeepDataDialog(props: ChoiceProps & { atStake: AtStake | null }): JSX.Element {
  const { atStake } = props;
  return (
    <Dialog open={atStake !== null} title="Keep this device's brews?" onCancel={props.onCancel}>
      <p>
        This device has {plural(atStake?.bags ?? 0, 'bag')} and{' '}
        {plural(atStake?.brews ?? 0, 'brew')} that are not in an account. Add them to {props.email},
        or discard them?
      </p>
      <div class="btn-row">
        <button type="button" class="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          class="btn btn-danger"
          onClick={() => props.onChoose({ anonymousData: 'discard' })}
        >
          Discard them
        </button>
        <button
          type="button"
          class="btn btn-primary"
          onClick={() => props.onChoose({ anonymousData: 'merge' })}
        >
          Add to my account
        </button>
      </div>
    </Dialog>
  );
}

/** Logging in over another account's unsynced changes discards them: cancel, or go on. */
export function UnsyncedLoginDialog(props: ChoiceProps & { unsynced: number | null }): JSX.Element {
  return (
    <Dialog open={props.unsynced !== null} title="Unsynced changes" onCancel={props.onCancel}>
      <p>
        {props.unsynced} changes of the previous account haven't reached the server. Logging in as{' '}
        {props.email} discards them.
      </p>
      <div class="btn-row">
        <button type="button" class="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          class="btn btn-danger"
          onClick={() => props.onChoose({ discardUnsynced: true })}
        >
          Discard and log in
        </button>
      </div>
    </Dialog>
  );
}

/**
 * Logging out with everything synced: the brews are safe, the device is emptied. Asked once;
 * the unsynced case asks its own question instead.
 */
export function LogoutDialog(props: {
  brews: number | null;
  onStay: () => void;
  onLogOut: () => void;
}): JSX.Element {
  const brews = props.brews ?? 0;
  return (
    <Dialog open={props.brews !== null} title="Log out of this device?" onCancel={props.onStay}>
      <p>
        {brews === 0
          ? 'Your account keeps everything.'
          : `Your ${plural(brews, 'brew')} ${brews === 1 ? 'is' : 'are'} safe in your account.`}{' '}
        This device will be emptied.
      </p>
      <div class="btn-row">
        <button type="button" class="btn btn-primary" onClick={props.onStay}>
          Stay signed in
        </button>
        <button type="button" class="btn btn-danger" onClick={props.onLogOut}>
          Log out
        </button>
      </div>
    </Dialog>
  );
}
