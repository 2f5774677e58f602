import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { importBeanconqueror } from '../../data/beanconqueror/import.js';
import { reportText } from '../../data/beanconqueror/report.js';
import { importJson, readImportFile } from '../../data/data-io.js';
import { db } from '../app-state.js';
import { count } from '../logic/format.js';
import { importedPhotoWords } from '../logic/photo-words.js';
import { downloadFile } from './download-file.js';

type Outcome = { kind: 'message'; text: string; error: boolean } | { kind: 'report'; text: string };

/**
 * Settings → Import: our ZIP or JSON, or Beanconqueror's ZIP or JSON, told apart by their
 * content. It merges, so the same file twice adds nothing; a bar shows the rows written
 * while the import runs in batches, and a Beanconqueror import ends with its report.
 */
export function ImportPanel(): JSX.Element {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const onProgress = (done: number, total: number) => setProgress({ done, total });

  async function importFile(e: { currentTarget: HTMLInputElement }) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(null);
    setProgress({ done: 0, total: 0 });
    try {
      const read = await readImportFile(new Uint8Array(await file.arrayBuffer()));
      if (read.kind === 'beanconqueror') {
        const report = await importBeanconqueror(db, read.data, onProgress);
        setOutcome({ kind: 'report', text: reportText(report) });
      } else {
        const r = await importJson(db, read.text, onProgress, read.files);
        const skipped = r.skipped ? `, ${r.skipped} skipped (invalid)` : '';
        const photos = r.photos === undefined ? '' : ` ${importedPhotoWords(r.photos)}`;
        setOutcome({
          kind: 'message',
          text: `Imported: ${r.created} new, ${r.updated} updated, ${r.unchanged} already here${skipped}.${photos}`,
          error: false,
        });
      }
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      setOutcome({ kind: 'message', text, error: true });
    } finally {
      input.value = '';
      setProgress(null);
    }
  }

  const busy = progress !== null;
  return (
    <section class="card stack" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <p class="muted">
        A Dial-in export (ZIP or JSON), or a Beanconqueror export (its ZIP or Beanconqueror.json).
        Importing merges: nothing is wiped, and the same file twice adds nothing.
      </p>
      <div class="btn-row">
        <input
          id="import-file"
          type="file"
          accept=".zip,.json,application/zip,application/json"
          class="visually-hidden"
          disabled={busy}
          onChange={(e) => void importFile(e)}
        />
        <label class={`btn${busy ? ' disabled' : ''}`} for="import-file">
          Import a file…
        </label>
      </div>
      {progress ? (
        <div class="progress" role="status">
          <label for="import-progress">
            {progress.total === 0
              ? 'Reading the file…'
              : `Importing ${count(progress.done)} of ${count(progress.total)}`}
          </label>
          {progress.total === 0 ? (
            <progress id="import-progress" />
          ) : (
            <progress id="import-progress" max={progress.total} value={progress.done} />
          )}
        </div>
      ) : null}
      {outcome?.kind === 'message' ? (
        <p role="status" class={outcome.error ? 'error' : ''} data-testid="data-message">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === 'report' ? <ImportReport text={outcome.text} /> : null}
    </section>
  );
}

/** Report lines as facts, each with the indented lines under it (its breakdown). */
function groups(lines: readonly string[]): { head: string; items: string[] }[] {
  const out: { head: string; items: string[] }[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (line.startsWith('  ') && last !== undefined) last.items.push(line.trim());
    else out.push({ head: line, items: [] });
  }
  return out;
}

/** The Beanconqueror report, a line per fact, and the same text as a file. */
function ImportReport({ text }: { text: string }): JSX.Element {
  const [title, ...lines] = text.trimEnd().split('\n');
  return (
    <div class="stack" role="status" data-testid="import-report">
      <h3>{title}</h3>
      {/* A report is never edited, so a line's position is a stable key. */}
      <ul>
        {groups(lines).map((group, i) => (
          <li key={i}>
            {group.head}
            {group.items.length > 0 ? (
              <ul>
                {group.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="btn"
        onClick={() => downloadFile('beanconqueror-import-report.txt', 'text/plain', text)}
      >
        Download the report
      </button>
    </div>
  );
}
