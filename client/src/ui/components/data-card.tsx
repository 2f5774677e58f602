import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { exportAll, exportBrewsCsv, importJson } from '../../data/data-io.js';
import { db } from '../app-state.js';
import { localDay } from '../logic/format.js';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Your data: export a copy (JSON, CSV), import a JSON export (merged, never wiped). */
export function DataCard(): JSX.Element {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const day = localDay(Date.now());

  async function exportJson() {
    const doc = await exportAll(db);
    download(`dial-in-${day}.json`, 'application/json', JSON.stringify(doc, null, 2));
    setMessage({
      text: `Exported ${doc.bags.length} bags and ${doc.brews.length} brews.`,
      error: false,
    });
  }
  async function exportCsv() {
    download(`dial-in-brews-${day}.csv`, 'text/csv', await exportBrewsCsv(db));
    setMessage({ text: 'Exported brews as CSV.', error: false });
  }
  async function importFile(e: { currentTarget: HTMLInputElement }) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const r = await importJson(db, await file.text());
      setMessage({
        text: `Imported: ${r.created} new, ${r.updated} updated, ${r.unchanged} already here${
          r.skipped ? `, ${r.skipped} skipped (invalid)` : ''
        }.`,
        error: false,
      });
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      input.value = '';
      setBusy(false);
    }
  }

  return (
    <section class="card stack" aria-labelledby="data-title">
      <h2 id="data-title">Your data</h2>
      <p class="muted">
        Export keeps a copy you own. Importing merges: nothing is wiped, and importing the same file
        twice adds nothing.
      </p>
      <div class="btn-row">
        <button type="button" class="btn" onClick={() => void exportJson()}>
          Export JSON
        </button>
        <button type="button" class="btn" onClick={() => void exportCsv()}>
          Export brews CSV
        </button>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          disabled={busy}
          onChange={(e) => void importFile(e)}
        />
        <label class={`btn${busy ? ' disabled' : ''}`} for="import-file">
          Import JSON…
        </label>
      </div>
      {message ? (
        <p role="status" class={message.error ? 'error' : ''} data-testid="data-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
