import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { PhotoOwner } from '../../../../shared/model/entities.js';
import { NotAnImageError } from '../../photos/image-pipeline.js';
import { movePhoto, photosOf, removePhoto, restorePhoto } from '../../photos/photo-actions.js';
import { PhotoLimitError } from '../../photos/photo-errors.js';
import { photoSyncStatuses } from '../../photos/photo-status.js';
import { PHOTO_LIMIT_PER_OWNER, takePhoto } from '../../photos/take-photo.js';
import { db } from '../app-state.js';
import { liveSignal } from '../live-signal.js';
import {
  fullWords,
  leftOutWords,
  notAnImageWords,
  photoCount,
  uploadProblemWords,
} from '../logic/photo-words.js';
import { syncView } from '../sync-state.js';
import { showToast } from '../toast-state.js';
import { PhotoThumb } from './photo-thumb.js';
import '../../styles/photos.css';

/** An owner's photos with where each stands with the server, as one live read. */
async function photosWithStatus(kind: PhotoOwner, ownerId: string) {
  const photos = await photosOf(db, kind, ownerId);
  const statuses = await photoSyncStatuses(db, photos);
  return photos.map((photo) => ({ photo, status: statuses.get(photo.id) ?? null }));
}

type Listed = Awaited<ReturnType<typeof photosWithStatus>>[number];

/**
 * Swaps the photo at `index` with the one after it, by moving the earlier of the two between
 * its new neighbours. Every swap is written as "move later", whose midpoint is always strictly
 * between two positions (or one past the last): a "move to the front" would need a position
 * below the first, and positions start at 0.
 */
function swapWithNext(list: readonly Listed[], index: number): Promise<boolean> | null {
  const moving = list[index];
  const next = list[index + 1];
  if (moving === undefined || next === undefined) return null;
  const after = list[index + 2]?.photo.position ?? null;
  return movePhoto(db, moving.photo.id, { before: next.photo.position, after });
}

const ownerName = (kind: PhotoOwner) => (kind === 'bag' ? 'bag' : 'brew');

/**
 * The photos of a bag or a brew: thumbnails in order (each opens the full-screen viewer),
 * "Take photo" and "From library", the count, move earlier / later, remove with Undo, and the
 * unsynced mark brews have. Two pickers, not one: with `capture` a phone opens its camera in
 * one tap (at the grinder, one hand free), and without it the library — on iOS one input
 * without `capture` offers both, but behind an extra sheet every time, and Android's photo
 * picker may leave the camera out.
 */
export function PhotoStrip({
  kind,
  ownerId,
  label,
}: {
  kind: PhotoOwner;
  ownerId: string;
  /** What the photos are of, for the thumbnails' names ("Guji Hambela"). */
  label: string;
}): JSX.Element {
  const listed = useMemo(
    () => liveSignal(() => photosWithStatus(kind, ownerId), null),
    [kind, ownerId],
  );
  const [adding, setAdding] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const list = listed.value;
  const count = list?.length ?? 0;
  const room = PHOTO_LIMIT_PER_OWNER - count - adding;
  const { signedIn } = syncView.value;
  const titleId = `photos-${kind}-title`;

  async function add(event: { currentTarget: HTMLInputElement }) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file picked again is a new pick
    if (files.length === 0) return;
    const taken = files.slice(0, Math.max(0, room));
    const problems: string[] = [];
    if (taken.length < files.length) {
      problems.push(
        taken.length === 0
          ? fullWords(kind, PHOTO_LIMIT_PER_OWNER)
          : leftOutWords(kind, files.length - taken.length, PHOTO_LIMIT_PER_OWNER),
      );
    }
    setProblem(null);
    setAdding((n) => n + taken.length);
    // One at a time, in the order picked: positions follow the pick order.
    for (const file of taken) {
      try {
        await takePhoto(db, kind, ownerId, file);
      } catch (error) {
        if (error instanceof NotAnImageError) problems.push(notAnImageWords(file.name));
        else if (error instanceof PhotoLimitError) problems.push(fullWords(kind, error.limit));
        else problems.push(`The photo could not be added: ${String(error)}`);
      } finally {
        setAdding((n) => n - 1);
      }
    }
    setProblem(problems.length === 0 ? null : problems.join(' '));
  }

  async function remove(id: string) {
    await removePhoto(db, id);
    showToast('Photo removed', { label: 'Undo', run: () => void restorePhoto(db, id) });
  }

  return (
    <section class="card stack photo-strip" aria-labelledby={titleId}>
      <div class="screen-head photo-strip-head">
        <h2 id={titleId}>Photos</h2>
        <span class="muted" data-testid="photo-count">
          {photoCount(count, PHOTO_LIMIT_PER_OWNER)}
        </span>
      </div>
      {list === null ? null : (
        <ol class="photo-list" aria-label={`Photos of this ${ownerName(kind)}`}>
          {list.map((item, index) => (
            <PhotoTile
              key={item.photo.id}
              item={item}
              index={index}
              total={list.length}
              name={`${label}, photo ${index + 1} of ${list.length}`}
              href={`#/photo/${ownerId}?kind=${kind}&i=${index}`}
              signedIn={signedIn}
              onEarlier={() => void swapWithNext(list, index - 1)}
              onLater={() => void swapWithNext(list, index)}
              onRemove={() => void remove(item.photo.id)}
            />
          ))}
          {Array.from({ length: adding }, (_, i) => (
            <li key={`adding-${i}`} class="photo-tile">
              <span class="photo-thumb photo-thumb-strip photo-placeholder" role="status">
                <span class="spinner" aria-hidden="true" />
                Adding…
              </span>
            </li>
          ))}
        </ol>
      )}
      {problem ? (
        <p class="error" role="alert" data-testid="photo-problem">
          {problem}
        </p>
      ) : null}
      {room > 0 ? (
        <div class="btn-row">
          <input
            id={`${titleId}-camera`}
            type="file"
            accept="image/*"
            capture="environment"
            class="visually-hidden"
            onChange={(e) => void add(e)}
          />
          <label class="btn btn-primary" for={`${titleId}-camera`}>
            Take photo
          </label>
          <input
            id={`${titleId}-library`}
            type="file"
            accept="image/*"
            multiple
            class="visually-hidden"
            onChange={(e) => void add(e)}
          />
          <label class="btn" for={`${titleId}-library`}>
            From library
          </label>
        </div>
      ) : adding === 0 ? (
        <p class="muted" data-testid="photo-full">
          {fullWords(kind, PHOTO_LIMIT_PER_OWNER)}
        </p>
      ) : null}
    </section>
  );
}

function PhotoTile(props: {
  item: Listed;
  index: number;
  total: number;
  name: string;
  href: string;
  signedIn: boolean;
  onEarlier: () => void;
  onLater: () => void;
  onRemove: () => void;
}): JSX.Element {
  const { item, index, total, name, signedIn } = props;
  const status = item.status;
  const trouble = status?.refused ?? status?.waiting ?? null;
  return (
    <li class="photo-tile" data-photo={item.photo.id}>
      <a class="photo-open" href={props.href} aria-label={`Open ${name}`}>
        <PhotoThumb hash={item.photo.thumbHash} size="strip" />
      </a>
      {signedIn && status?.unsynced ? (
        <span
          class="chip chip-unsynced photo-mark"
          data-unsynced="true"
          title="Not on the server yet"
        >
          ↻ Unsynced
        </span>
      ) : null}
      {trouble ? (
        <p class="photo-trouble" data-testid="photo-trouble">
          {uploadProblemWords(trouble)}
        </p>
      ) : null}
      <div class="photo-tools">
        <button
          type="button"
          class="btn btn-ghost"
          aria-label={`Move ${name} earlier`}
          disabled={index === 0}
          onClick={props.onEarlier}
        >
          ←
        </button>
        <button
          type="button"
          class="btn btn-ghost"
          aria-label={`Move ${name} later`}
          disabled={index === total - 1}
          onClick={props.onLater}
        >
          →
        </button>
        <button
          type="button"
          class="btn btn-ghost"
          aria-label={`Remove ${name}`}
          onClick={props.onRemove}
        >
          ✕
        </button>
      </div>
    </li>
  );
}
