import { liveQuery } from 'dexie';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { coverThumbs } from '../../photos/cover-photos.js';
import { db } from '../app-state.js';
import { liveSignal } from '../live-signal.js';

/**
 * A photo's thumbnail, small enough for the start-up lists: the bytes code is imported on
 * first use (its own chunk), so a list without photos never loads it. The image follows the
 * stored bytes live, so a thumbnail that arrives later (another device's photo, downloaded)
 * replaces the placeholder by itself. Object URLs are revoked when the image changes or the
 * thumbnail unmounts: a list of blob URLs never released would hold every image in memory.
 */

type Look = { state: 'loading' } | { state: 'shown'; url: string } | { state: 'waiting' };

type PhotoBytesModule = typeof import('../../photos/photo-bytes.js');
let bytesModule: Promise<PhotoBytesModule> | null = null;
/** One import for every thumbnail; a failed import is tried again by the next one. */
function photoBytes(): Promise<PhotoBytesModule> {
  bytesModule ??= import('../../photos/photo-bytes.js').catch((error: unknown) => {
    bytesModule = null;
    throw error;
  });
  return bytesModule;
}

/** The object URL of the stored image `hash`, or why there is none yet. */
export function useStoredImage(hash: string): Look {
  const [look, setLook] = useState<Look>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    let subscription: { unsubscribe(): void } | null = null;
    let asked = false;
    const release = () => {
      if (url !== null) URL.revokeObjectURL(url);
      url = null;
    };
    void photoBytes().then(({ localPhotoBlob, loadPhotoBlob }) => {
      if (!live) return;
      subscription = liveQuery(() => localPhotoBlob(db, hash)).subscribe({
        next: (blob) => {
          if (!live) return;
          release();
          if (blob !== null) {
            url = URL.createObjectURL(blob);
            setLook({ state: 'shown', url });
            return;
          }
          setLook({ state: 'waiting' });
          // Not on this device: ask the server once; the download lands in the store, and
          // the live query shows it. Missing or offline keeps the placeholder.
          if (!asked) {
            asked = true;
            loadPhotoBlob(db, hash).catch(() => undefined);
          }
        },
        error: (error: unknown) => console.error('thumbnail read failed', error),
      });
    }, console.error);
    return () => {
      live = false;
      subscription?.unsubscribe();
      release();
    };
  }, [hash]);
  return look;
}

/**
 * The thumbnail, or the placeholder "photo on its way" while its bytes are neither here nor
 * downloadable (the device that took it has not uploaded them yet, or this one is offline).
 * Always inside a link or row that names its subject, so the image itself is decorative.
 */
export function PhotoThumb({ hash, size }: { hash: string; size: 'row' | 'strip' }): JSX.Element {
  const look = useStoredImage(hash);
  const cls = `photo-thumb photo-thumb-${size}`;
  if (look.state === 'shown') {
    return <img class={cls} src={look.url} alt="" decoding="async" draggable={false} />;
  }
  const words = size === 'strip' && look.state === 'waiting' ? 'Photo on its way' : null;
  return (
    <span
      class={`${cls} photo-placeholder`}
      data-waiting={look.state === 'waiting' ? 'true' : undefined}
      aria-hidden={words === null ? 'true' : undefined}
    >
      {words}
    </span>
  );
}

/** Each owner's first thumbnail; read only while a list showing them is on screen. */
const covers = liveSignal(() => coverThumbs(db), new Map<string, string>());

/**
 * The first photo of a bag or brew, small, in its list row; nothing when it has none. It
 * reads the covers itself, so a new photo redraws this thumbnail and not the row.
 */
export function CoverThumb({ ownerId }: { ownerId: string }): JSX.Element | null {
  const hash = covers.value.get(ownerId);
  return hash === undefined ? null : <PhotoThumb key={hash} hash={hash} size="row" />;
}
