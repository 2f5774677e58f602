import type { JSX } from 'preact';
import { updateBag } from '../../data/index.js';
import { db } from '../app-state.js';
import { dismissFinish, finishPrompt } from '../finish-bag-state.js';
import { showToast } from '../toast-state.js';
import { Dialog } from './dialog.js';

/**
 * Asked once, when a saved brew brings a bag's coffee left to zero or below. Finish archives
 * the bag (never deletes it): it leaves the coffee picker, its brews stay, and Unarchive on
 * the bag screen (or Undo here) brings it back. Not yet, Escape or the backdrop keep it open.
 */
export function FinishBagDialog(): JSX.Element {
  const prompt = finishPrompt.value;
  async function finish() {
    if (prompt === null) return;
    dismissFinish();
    await updateBag(db, prompt.bagId, { archived: true });
    showToast(`Finished “${prompt.name}”: archived, its brews kept`, {
      label: 'Undo',
      run: () => void updateBag(db, prompt.bagId, { archived: false }),
    });
  }
  return (
    <Dialog open={prompt !== null} title="Finish this bag?" onCancel={dismissFinish}>
      <p>
        By the doses logged, “{prompt?.name}” has no coffee left. Finishing archives it: it leaves
        the coffee list, and its brews stay.
      </p>
      <div class="btn-row">
        <button type="button" class="btn btn-primary" onClick={() => void finish()}>
          Finish
        </button>
        <button type="button" class="btn" onClick={dismissFinish}>
          Not yet
        </button>
      </div>
    </Dialog>
  );
}
