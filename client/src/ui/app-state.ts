import { computed, effect, signal } from '@preact/signals';
import {
  allBrewers,
  allBrews,
  allGrinders,
  type BrewItem,
  type BrewRecord,
  bagsWithCounts,
  createDb,
  deletedItems,
  deviceMeta,
  historyEntries,
  outboxCounts,
  recentBrews,
  rejectedEntries,
} from '../data/index.js';
import { liveSignal } from './live-signal.js';

/**
 * The page's one database and the live reads every screen shares. Screens read these
 * signals and write through the data layer's actions; nothing here touches Dexie tables.
 */
export const db = createDb();

export const brews = liveSignal(() => recentBrews(db, 200), null);
/** Every live brew, for search and statistics: read only while one of those screens is open. */
export const everyBrew = liveSignal(() => allBrews(db), null);
export const bags = liveSignal(() => bagsWithCounts(db), null);
export const counts = liveSignal(() => outboxCounts(db), { pending: 0, rejected: 0 });
export const rejected = liveSignal(() => rejectedEntries(db), []);
export const meta = liveSignal(() => deviceMeta(db), undefined);
export const deleted = liveSignal(() => deletedItems(db), { bags: [], brews: [] });
export const history = liveSignal(() => historyEntries(db, { limit: 200 }), []);
/**
 * Gear, archived included (the pickers hide archived gear; old brews still name it); null
 * until read, so Log a brew waits for it before it remembers the last gear used.
 */
export const grinderList = liveSignal(() => allGrinders(db), null);
export const brewerList = liveSignal(() => allBrewers(db), null);
export const grinders = computed(() => grinderList.value ?? []);
export const brewers = computed(() => brewerList.value ?? []);
export const gearSettled = computed(() => grinderList.value !== null && brewerList.value !== null);

/**
 * Brews saved in this tab whose write has not come back through the live query yet. The list
 * shows them at once, so a save appears in the frame it was tapped in; each drops out as soon
 * as the stored row arrives (same id), or when its write fails.
 */
export const optimisticBrews = signal<BrewItem[]>([]);

// Drop an optimistic brew once the stored one has arrived, so it can never outlive its row
// (a log out clears the tables; a stale optimistic copy would bring it back on screen).
// Only while something is pending does it watch the brews: a module-level effect that read
// them always would keep that live query running on every screen, re-run after every pull page
// of an initial sync (which it slowed by a fifth).
effect(() => {
  if (optimisticBrews.value.length === 0) return;
  const live = brews.value;
  const pending = optimisticBrews.peek();
  if (live === null) return;
  const stored = new Set(live.map((b) => b.id));
  const rest = pending.filter((b) => !stored.has(b.id));
  if (rest.length !== pending.length) optimisticBrews.value = rest;
});

/** Shows a brew being saved at the top of the list, as the stored row will show it. */
export function showSaving(brew: BrewRecord): void {
  const stored = new Set((brews.value ?? []).map((b) => b.id));
  const bag = (bags.value ?? []).find((b) => b.id === brew.bagId) ?? null;
  const grinder = grinders.value.find((g) => g.id === brew.grinderId);
  const grinderName = grinder?.name ?? brew.grinder ?? null;
  optimisticBrews.value = [
    { ...brew, bag, grinderName, unsynced: true, rejected: false },
    ...optimisticBrews.value.filter((b) => !stored.has(b.id)),
  ];
}

/** Takes back a brew whose write failed. */
export function dropSaving(id: string): void {
  optimisticBrews.value = optimisticBrews.value.filter((b) => b.id !== id);
}

/** The brew list as shown: optimistic saves first, then the stored brews. */
export const listedBrews = computed<BrewItem[] | null>(() => {
  const live = brews.value;
  if (live === null) return null;
  const pending = optimisticBrews.value;
  if (pending.length === 0) return live;
  const stored = new Set(live.map((b) => b.id));
  const extra = pending.filter((b) => !stored.has(b.id));
  return extra.length === 0 ? live : [...extra, ...live];
});

export const activeBags = computed(() => (bags.value ?? []).filter((b) => !b.archived));

/**
 * Bags this tab has just written whose rows the live bag list has not shown yet. Until they
 * arrive, "Log a brew" waits instead of offering "a new bag" for a moment and then swapping
 * the field for the picker under the person's fingers. Each id is waited for at most
 * BAG_WAIT_MS, so a log out that clears the table first can never leave the screen waiting.
 */
const BAG_WAIT_MS = 2000;
const awaitedBagIds = signal<ReadonlySet<string>>(new Set());

function stopAwaiting(id: string): void {
  const waiting = awaitedBagIds.peek();
  if (!waiting.has(id)) return;
  const rest = new Set(waiting);
  rest.delete(id);
  awaitedBagIds.value = rest;
}

export function awaitBag(id: string): void {
  if ((bags.peek() ?? []).some((b) => b.id === id)) return;
  awaitedBagIds.value = new Set(awaitedBagIds.peek()).add(id);
  setTimeout(() => stopAwaiting(id), BAG_WAIT_MS);
}

// Watches the bag list only while a bag is awaited, for the same reason as above: the bag
// list (with its brew counts) is the costliest live query to re-run.
effect(() => {
  if (awaitedBagIds.value.size === 0) return;
  const live = bags.value;
  if (live === null) return;
  for (const bag of live) stopAwaiting(bag.id);
});

/** The bag list is loaded and holds every bag this tab wrote. */
export const bagsSettled = computed(() => bags.value !== null && awaitedBagIds.value.size === 0);

/** A clock for "N min ago" labels; ticks every 30 s, so they stay roughly current. */
export const now = signal(Date.now());
if (typeof window !== 'undefined') {
  setInterval(() => {
    now.value = Date.now();
  }, 30_000);
}

export const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    online.value = true;
  });
  window.addEventListener('offline', () => {
    online.value = false;
  });
}
