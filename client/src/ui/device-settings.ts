import { signal } from '@preact/signals';
import { BREW_FIELDS, BREW_METHODS, type BrewMethod } from '../../../shared/model/entities.js';

/**
 * Preferences of this device, not of the account: they are kept in localStorage (the UI alone
 * reads them; the data layer and the worker never do) and survive logging out, which empties
 * IndexedDB only. Temperatures are always stored in °C; the unit is how they are shown.
 */
export interface DeviceSettings {
  /** The method Log a brew starts with when there is no previous brew; null = espresso. */
  defaultMethod: BrewMethod | null;
  /** First-brew dose and yield; null = the method's default (shared/model/method-defaults). */
  defaultDoseG: number | null;
  defaultYieldG: number | null;
  temperatureUnit: 'C' | 'F';
  /** 'locale' follows the user's locale (24 h where it uses 24 h). */
  hourCycle: 'locale' | 'h12' | 'h23';
  theme: 'system' | 'light' | 'dark';
  /** The currency a bag's price is in (ISO 4217); null = the locale's (ui/logic/currency.ts). */
  currency: string | null;
}

export const DEFAULT_SETTINGS: DeviceSettings = {
  defaultMethod: null,
  defaultDoseG: null,
  defaultYieldG: null,
  temperatureUnit: 'C',
  hourCycle: 'locale',
  theme: 'system',
  currency: null,
};

/** Where the settings are kept; index.html's first-paint theme script reads it too. */
export const DEVICE_SETTINGS_KEY = 'dial-in-device-settings';

/**
 * The ranges a default dose and yield may take: a brew's own, so a default never prefills a
 * value the form would refuse. The yield goes up to the water's maximum because a filter
 * method's default "yield" is the water poured (pour-over 15 g → 250 g).
 */
export const SETTING_LIMITS = {
  defaultDoseG: BREW_FIELDS.doseG,
  defaultYieldG: { kind: 'number', min: BREW_FIELDS.yieldG.min, max: BREW_FIELDS.waterG.max },
} as const;

const inRange = (v: unknown, limits: { min: number; max: number }): number | null =>
  typeof v === 'number' && Number.isFinite(v) && v >= limits.min && v <= limits.max ? v : null;

/** Stored text → settings; anything unreadable or out of range falls back to its default. */
export function parseSettings(text: string | null): DeviceSettings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    // A damaged entry is a reason to start from the defaults, not to break the app.
  }
  const pick = <T extends string>(v: unknown, allowed: readonly T[], fallback: T): T =>
    allowed.includes(v as T) ? (v as T) : fallback;
  return {
    defaultMethod: BREW_METHODS.includes(raw.defaultMethod as BrewMethod)
      ? (raw.defaultMethod as BrewMethod)
      : null,
    defaultDoseG: inRange(raw.defaultDoseG, SETTING_LIMITS.defaultDoseG),
    defaultYieldG: inRange(raw.defaultYieldG, SETTING_LIMITS.defaultYieldG),
    temperatureUnit: pick(raw.temperatureUnit, ['C', 'F'], 'C'),
    hourCycle: pick(raw.hourCycle, ['locale', 'h12', 'h23'], 'locale'),
    theme: pick(raw.theme, ['system', 'light', 'dark'], 'system'),
    currency:
      typeof raw.currency === 'string' && /^[A-Z]{3}$/.test(raw.currency) ? raw.currency : null,
  };
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage disabled (some private modes): settings live for this visit only.
  }
}

export const deviceSettings = signal<DeviceSettings>(
  parseSettings(storage()?.getItem(DEVICE_SETTINGS_KEY) ?? null),
);

/** Changes some settings and keeps them on this device. */
export function updateSettings(change: Partial<DeviceSettings>): void {
  const next = parseSettings(JSON.stringify({ ...deviceSettings.value, ...change }));
  deviceSettings.value = next;
  try {
    storage()?.setItem(DEVICE_SETTINGS_KEY, JSON.stringify(next));
  } catch {
    // Quota or disabled storage: the choice still holds until the page closes.
  }
}
