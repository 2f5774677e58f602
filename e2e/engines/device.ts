import type { DeviceProxy } from './proxy.js';

/** The three engines a phone can bring: Chromium (Android), Firefox, WebKit (every iPhone). */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** Roles the finder knows (see findTarget below); enough for the app's screens. */
export type Role = 'button' | 'link' | 'heading' | 'tab' | 'checkbox' | 'progressbar' | 'dialog';

/** A string matches an accessible name exactly (whitespace collapsed); a RegExp is tested. */
export type NameMatch = string | RegExp;

/** A page function and its one serialisable argument, as every driver can send them. */
export type PageFunction<A, T> = (arg: A) => T | Promise<T>;

/**
 * One phone, whatever drives it. Specs under e2e/engines talk only to this, so one spec runs
 * in every engine; the adapters (chromium.ts, firefox.ts, webkit.ts) differ only in how they
 * click, type and evaluate. Elements are found by role and label in the page itself (the same
 * script in every engine), never by CSS structure.
 */
export interface EngineDevice {
  readonly engine: EngineName;
  /** The origin the app is served from: this device's own proxy in front of the server. */
  readonly baseURL: string;
  /** The device's network: cut() and restore() it (see proxy.ts). */
  readonly network: DeviceProxy;
  /** Navigates the current page to `path` (e.g. '/#/account') on the device's origin. */
  open(path?: string): Promise<void>;
  /**
   * Clicks the visible element with this role and accessible name, scrolled into view first;
   * `inForm` picks the one inside a form (a form's submit beside a same-named mode switch),
   * `inDialog` the one in an open dialog (its answer beside the button that asked).
   */
  tap(role: Role, name: NameMatch, options?: FindOptions): Promise<void>;
  /** Waits until a visible element with this role and accessible name is on the screen. */
  see(role: Role, name: NameMatch, options?: FindOptions): Promise<void>;
  /** Replaces the value of the visible form control with this label. */
  fill(label: NameMatch, value: string): Promise<void>;
  /**
   * Picks the file at `path` (on this machine) in the file input with this label, as a person
   * choosing a photo does; the input fires its `change` event.
   */
  chooseFile(label: NameMatch, path: string): Promise<void>;
  /** Runs `fn(arg)` in the page and returns its (awaited, JSON-serialisable) result. */
  evaluate<A, T>(fn: PageFunction<A, T>, arg: A): Promise<T>;
  /** Closes the app's page and opens it again at `path`, as a person does from the home screen. */
  reopen(path?: string): Promise<void>;
  /** A PNG of what the page shows now (the viewport), for a failed test's evidence. */
  screenshot(): Promise<Buffer>;
  /** Ends the browser and removes its profile. */
  close(): Promise<void>;
}

/** What a driver needs to run the shared finder: a way to evaluate and a way to click. */
export interface DriverPrimitives {
  evaluate<A, T>(fn: PageFunction<A, T>, arg: A): Promise<T>;
  /** A real click (the driver's own input events) on the element matching `selector`. */
  clickSelector(selector: string): Promise<void>;
  /** Real typing into the element matching `selector`, after its value was cleared. */
  typeInto(selector: string, value: string): Promise<void>;
  /** Sets the file at `path` on the file input matching `selector`, as the driver's own upload does. */
  setFile(selector: string, path: string): Promise<void>;
}

export interface FindOptions {
  inForm?: boolean;
  inDialog?: boolean;
  timeoutMs?: number;
}

interface Query {
  kind: 'role' | 'label';
  role?: Role;
  inForm: boolean;
  inDialog: boolean;
  source: string;
  flags: string | null;
  mark: string;
  /** Wait until nothing covers it (a click target); a file input is hidden under its label. */
  hitTest: boolean;
}

const MARK_ATTRIBUTE = 'data-engine-target';

/**
 * Runs in the page: finds the first visible element matching the query, scrolls it into view
 * (WebKit's driver does not scroll past the fixed tab bar by itself), marks it so the driver
 * can click it through its own CSS lookup, and says whether nothing covers it. Self-contained:
 * it is serialised into the page.
 */
function findTarget(query: Query): boolean {
  const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const matches = (text: string) =>
    query.flags === null ? text === query.source : new RegExp(query.source, query.flags).test(text);
  const visible = (el: Element) => {
    if (el.getClientRects().length === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return collapse(label);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return collapse(
        by
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    }
    if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) {
      return collapse(el.value);
    }
    return collapse(el.textContent);
  };
  const selectors: Record<Role, string> = {
    button: 'button, [role="button"], input[type="submit"], input[type="button"]',
    link: 'a[href], [role="link"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    tab: '[role="tab"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    progressbar: 'progress, [role="progressbar"]',
    dialog: 'dialog[open], [role="dialog"], [role="alertdialog"]',
  };
  let found: Element | undefined;
  if (query.kind === 'role' && query.role) {
    found = Array.from(document.querySelectorAll(selectors[query.role])).find(
      (el) =>
        visible(el) &&
        (!query.inForm || el.closest('form') !== null) &&
        (!query.inDialog || el.closest('dialog[open]') !== null) &&
        matches(nameOf(el)),
    );
  } else {
    const labelled = Array.from(document.querySelectorAll('label'))
      .filter((label) => matches(collapse(label.textContent)))
      .map((label) => label.control)
      .filter((el): el is HTMLElement => el !== null);
    const named = Array.from(document.querySelectorAll('input, select, textarea')).filter((el) =>
      matches(collapse(el.getAttribute('aria-label'))),
    );
    found = [...labelled, ...named].find(visible);
  }
  for (const old of Array.from(document.querySelectorAll('[data-engine-target]'))) {
    old.removeAttribute('data-engine-target');
  }
  if (!found) return false;
  found.setAttribute('data-engine-target', query.mark);
  found.scrollIntoView({ block: 'center' });
  if (!query.hitTest) return true;
  // Covered (a notice over a sticky button): not yet tappable, as Playwright also waits. A
  // click now would land on the cover in Firefox and be refused in WebKit.
  const box = found.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit === null || hit === found || found.contains(hit);
}

let marks = 0;

function toQuery(
  kind: Query['kind'],
  name: NameMatch,
  role?: Role,
  where: Pick<FindOptions, 'inForm' | 'inDialog'> = {},
  hitTest = true,
): Query {
  const mark = `t${++marks}`;
  const inForm = where.inForm ?? false;
  const inDialog = where.inDialog ?? false;
  const base = { kind, mark, inForm, inDialog, hitTest, ...(role ? { role } : {}) };
  return typeof name === 'string'
    ? { ...base, source: name.replace(/\s+/g, ' ').trim(), flags: null }
    : { ...base, source: name.source, flags: name.flags };
}

export const FIND_TIMEOUT_MS = 15_000;

/** Polls `probe` until it returns something other than undefined, or throws `what` on timeout. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = FIND_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      // A page in mid-navigation rejects evaluations; the next probe sees the new page.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function mark(
  driver: DriverPrimitives,
  query: Query,
  what: string,
  timeoutMs?: number,
): Promise<string> {
  await waitUntil(
    what,
    async () => ((await driver.evaluate(findTarget, query)) ? true : undefined),
    timeoutMs,
  );
  return `[${MARK_ATTRIBUTE}="${query.mark}"]`;
}

function markRole(driver: DriverPrimitives, role: Role, name: NameMatch, options: FindOptions) {
  const query = toQuery('role', name, role, options);
  return mark(driver, query, `${role} "${String(name)}"`, options.timeoutMs);
}

/** A driver's refusal of a click because something else was on top at that instant. */
const isIntercepted = (error: unknown) =>
  error instanceof Error && /intercept/i.test(`${error.name} ${error.message}`);

/**
 * tap() for every adapter: the shared finder (which waits until nothing covers the target),
 * then the driver's own click. A notice that slides in between the two (a toast arriving
 * above the tab bar) makes the driver refuse the click; then find and tap again, as a person
 * taps again once the notice has settled.
 */
export async function tapByRole(
  driver: DriverPrimitives,
  role: Role,
  name: NameMatch,
  options: FindOptions = {},
) {
  for (let attempt = 1; ; attempt++) {
    try {
      await driver.clickSelector(await markRole(driver, role, name, options));
      return;
    } catch (error) {
      if (!isIntercepted(error) || attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

/** see() for every adapter. */
export async function seeByRole(
  driver: DriverPrimitives,
  role: Role,
  name: NameMatch,
  options: FindOptions = {},
) {
  await markRole(driver, role, name, options);
}

/** fill() for every adapter: the shared finder, then the driver's own typing. */
export async function fillByLabel(driver: DriverPrimitives, label: NameMatch, value: string) {
  const selector = await mark(driver, toQuery('label', label), `field "${String(label)}"`);
  await driver.typeInto(selector, value);
}

/** chooseFile() for every adapter: the shared finder (the input by its label), then the driver's upload. */
export async function chooseFileByLabel(driver: DriverPrimitives, label: NameMatch, path: string) {
  const query = toQuery('label', label, undefined, {}, false);
  const selector = await mark(driver, query, `file input "${String(label)}"`);
  await driver.setFile(selector, path);
}
