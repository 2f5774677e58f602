import { effect } from '@preact/signals';
import { type DeviceSettings, deviceSettings } from './device-settings.js';

/**
 * The device's theme on the page. "system" leaves <html> without `data-theme`, so base.css's
 * `prefers-color-scheme` query decides (before any script runs, too); "light" and "dark" set
 * `data-theme`, which base.css obeys whatever the system says. index.html's inline script
 * sets it before the first paint (from the same stored settings); main.tsx applies it again
 * before the first render, and this keeps it in step after.
 */
export function applyTheme(theme: DeviceSettings['theme'], root = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  followThemeColor(root);
}

/**
 * The browser's bar (`<meta name="theme-color">`) takes the page's background, the colour
 * the sticky header is painted in, read from the tokens so the colour has one home.
 */
function followThemeColor(root: HTMLElement): void {
  const colour = getComputedStyle(root).getPropertyValue('--bg').trim();
  // Empty while no stylesheet is applied: keep the build's colour rather than set nothing.
  if (colour === '') return;
  let meta = document.head.querySelector<HTMLMetaElement>('meta[name="theme-color"]');
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'theme-color';
    document.head.append(meta);
  }
  meta.content = colour;
}

/** Applies the theme now and whenever the setting, or the system's scheme, changes. */
export function startTheme(): void {
  effect(() => applyTheme(deviceSettings.value.theme));
  // Under "system" the CSS follows by itself; the meta tag has to be told.
  window
    .matchMedia('(prefers-color-scheme: dark)')
    .addEventListener('change', () => followThemeColor(document.documentElement));
}
