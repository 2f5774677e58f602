import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PHOTO_FIELDS, PHOTO_OWNERS, type PhotoOwner } from '../../../../shared/model/entities.js';
import type { PhotoRecord } from '../../data/schema.js';
import { captionPhoto, photosOf } from '../../photos/photo-actions.js';
import { loadPhotoBlob, markViewed } from '../../photos/photo-bytes.js';
import { PhotoMissingError, PhotoOfflineError } from '../../photos/photo-errors.js';
import { db } from '../app-state.js';
import { PhotoThumb } from '../components/photo-thumb.js';
import { liveSignal } from '../live-signal.js';
import { leaving, navigate, type ScreenProps } from '../router.js';
import '../../styles/photos.css';

/** A swipe is a horizontal move of at least this many CSS pixels, more across than down. */
const SWIPE_PX = 40;

type FullImage =
  | { state: 'loading' }
  | { state: 'shown'; url: string }
  | { state: 'failed'; words: string };

/** Words for an image that cannot be shown: what happened, and what will make it work. */
function failureWords(error: unknown): string {
  if (error instanceof PhotoOfflineError) {
    return 'This photo is not on this device, and the server cannot be reached. It opens when you are back online.';
  }
  if (error instanceof PhotoMissingError) {
    return 'Photo on its way: the device that took it has not uploaded it yet.';
  }
  return `This photo could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The full image of a photo: from this device, else downloaded (a spinner meanwhile), marked
 * viewed so eviction keeps it longest. The object URL is revoked when the photo changes or the
 * viewer closes; a download still running when the photo changes is aborted.
 */
function useFullImage(photo: PhotoRecord | undefined): FullImage {
  const [image, setImage] = useState<FullImage>({ state: 'loading' });
  const hash = photo?.hash;
  useEffect(() => {
    if (hash === undefined) return;
    const abort = new AbortController();
    let url: string | null = null;
    setImage({ state: 'loading' });
    loadPhotoBlob(db, hash, { signal: abort.signal }).then(
      (blob) => {
        if (abort.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setImage({ state: 'shown', url });
        void markViewed(db, hash);
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setImage({ state: 'failed', words: failureWords(error) });
      },
    );
    return () => {
      abort.abort();
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [hash]);
  return image;
}

/**
 * The full-screen viewer: `#/photo/<owner id>?kind=bag&i=2`. Swipe, the arrow keys or the
 * buttons go to the next and previous photo; Escape, Close or the browser's Back close it. A
 * modal <dialog>, so it covers the header and tab bar, holds focus and maps Escape to cancel.
 */
export function PhotoViewer({ id, params }: ScreenProps): JSX.Element {
  const kindParam = params.get('kind');
  const kind: PhotoOwner = PHOTO_OWNERS.includes(kindParam as PhotoOwner)
    ? (kindParam as PhotoOwner)
    : 'bag';
  const photos = useMemo(() => liveSignal(() => photosOf(db, kind, id), null), [kind, id]);
  const [index, setIndex] = useState(() => Math.max(0, Number(params.get('i')) || 0));
  // Opened from its owner's screen: closing goes back there, so Back does not reopen it.
  const [fromOwner] = useState(() => leaving.value?.id === id);
  const ref = useRef<HTMLDialogElement>(null);
  const swipe = useRef<{ x: number; y: number } | null>(null);
  const list = photos.value;
  const shown = list === null ? 0 : Math.min(index, Math.max(0, list.length - 1));
  const photo = list?.[shown];
  const image = useFullImage(photo);

  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);

  const close = () => {
    if (fromOwner) history.back();
    else navigate(`#/${kind}/${id}`);
  };
  const go = (step: number) => {
    if (list === null || list.length === 0) return;
    setIndex((shown + step + list.length) % list.length);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') go(1);
    else if (e.key === 'ArrowLeft') go(-1);
    else return;
    e.preventDefault();
  };

  const onPointerUp = (e: PointerEvent) => {
    const start = swipe.current;
    swipe.current = null;
    if (start === null) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) go(dx < 0 ? 1 : -1);
  };

  const many = list !== null && list.length > 1;
  return (
    <dialog
      ref={ref}
      class="photo-viewer"
      aria-label={list === null ? 'Photo' : `Photo ${shown + 1} of ${list.length}`}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onKeyDown={onKey}
    >
      <div class="photo-viewer-bar">
        <span data-testid="photo-position">
          {list === null || list.length === 0 ? '' : `${shown + 1} of ${list.length}`}
        </span>
        <button type="button" class="btn" onClick={close}>
          Close
        </button>
      </div>
      <figure
        class="photo-stage"
        onPointerDown={(e) => {
          swipe.current = { x: e.clientX, y: e.clientY };
        }}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          swipe.current = null;
        }}
      >
        {list !== null && list.length === 0 ? (
          <p class="photo-viewer-note">No photos here any more.</p>
        ) : photo === undefined ? null : image.state === 'shown' ? (
          <img
            class="photo-full"
            src={image.url}
            alt={photo.caption ?? `Photo ${shown + 1}`}
            width={photo.width}
            height={photo.height}
            draggable={false}
            data-hash={photo.hash}
          />
        ) : (
          <div class="photo-waiting">
            <PhotoThumb key={photo.thumbHash} hash={photo.thumbHash} size="strip" />
            {image.state === 'loading' ? (
              <p class="photo-viewer-note" role="status">
                <span class="spinner" aria-hidden="true" /> Loading the photo…
              </p>
            ) : (
              <p class="photo-viewer-note" role="alert" data-testid="photo-failed">
                {image.words}
              </p>
            )}
          </div>
        )}
        {photo?.caption ? <figcaption>{photo.caption}</figcaption> : null}
      </figure>
      {photo ? (
        <CaptionEditor key={photo.id} id={photo.id} caption={photo.caption ?? null} />
      ) : null}
      {many ? (
        <div class="photo-viewer-nav">
          <button type="button" class="btn" onClick={() => go(-1)}>
            ← Previous
          </button>
          <button type="button" class="btn" onClick={() => go(1)}>
            Next →
          </button>
        </div>
      ) : null}
    </dialog>
  );
}

/** "Add caption" / "Edit caption": a line of text under the photo, synced like any field. */
function CaptionEditor({ id, caption }: { id: string; caption: string | null }): JSX.Element {
  const [editing, setEditing] = useState<string | null>(null);
  if (editing === null) {
    return (
      <div class="photo-caption-tools">
        <button type="button" class="btn" onClick={() => setEditing(caption ?? '')}>
          {caption ? 'Edit caption' : 'Add caption'}
        </button>
      </div>
    );
  }
  const save = async (e: Event) => {
    e.preventDefault();
    await captionPhoto(db, id, editing.trim() === '' ? null : editing.trim());
    setEditing(null);
  };
  return (
    <form class="photo-caption-tools" onSubmit={(e) => void save(e)}>
      <label class="visually-hidden" for="photo-caption">
        Caption
      </label>
      <input
        id="photo-caption"
        class="input"
        maxLength={PHOTO_FIELDS.caption.maxLength}
        value={editing}
        onInput={(e) => setEditing(e.currentTarget.value)}
      />
      <button type="submit" class="btn btn-primary">
        Save
      </button>
      <button type="button" class="btn" onClick={() => setEditing(null)}>
        Cancel
      </button>
    </form>
  );
}
