/**
 * A tiny framework-free observable value: the UI wraps it as a signal, tests read it, the
 * service worker never needs one. Listeners get the new value after each change.
 */
export interface Store<T> {
  get(): T;
  subscribe(listener: (value: T) => void): () => void;
}

export interface WritableStore<T> extends Store<T> {
  set(changes: Partial<T>): void;
}

export function createStore<T extends object>(initial: T): WritableStore<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(changes) {
      let differs = false;
      for (const key of Object.keys(changes) as (keyof T)[]) {
        if (!Object.is(value[key], changes[key])) differs = true;
      }
      if (!differs) return;
      value = { ...value, ...changes };
      for (const listener of listeners) listener(value);
    },
  };
}
