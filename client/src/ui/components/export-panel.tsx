import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { exportBrewsCsv, exportZip } from '../../data/data-io.js';
import { db } from '../app-state.js';
import { localDay } from '../logic/format.js';
import { exportedWords } from '../logic/photo-words.js';
import { downloadFile } from './download-file.js';

/**
 * Settings → Your data (export): one ZIP of everything (what Import reads back), and the brews as CSV
 * for a spreadsheet.
 */
export function ExportPanel(): JSX.Element {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const day = localDay(Date.now());

  async function run(task: () => Promise<string>) {
    setBusy(true);
    setMessage({ text: 'Preparing the export…', error: false });
    try {
      setMessage({ text: await task(), error: false });
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  }
  const exportAllZip = () =>
    run(async () => {
      const { zip, ...counts } = await exportZip(db);
      downloadFile(`dial-in-${day}.zip`, 'application/zip', zip);
      return exportedWords(counts);
    });
  const exportCsv = () =>
    run(async () => {
      downloadFile(`dial-in-brews-${day}.csv`, 'text/csv', await exportBrewsCsv(db));
      return 'Exported brews as CSV.';
    });

  return (
    <section class="card stack" aria-labelledby="export-title">
      <h2 id="export-title">Your data</h2>
      <p class="muted">
        One ZIP keeps a copy you own: everything, photos included, for Import, and a spreadsheet
        (CSV) of your bags and brews.
      </p>
      <div class="btn-row">
        <button type="button" class="btn" disabled={busy} onClick={() => void exportAllZip()}>
          Export ZIP
        </button>
        <button type="button" class="btn" disabled={busy} onClick={() => void exportCsv()}>
          Export brews CSV
        </button>
      </div>
      {message ? (
        <p role="status" class={message.error ? 'error' : ''} data-testid="export-message">
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
