import type { InstallFacts } from './install-branch.js';

const supports = (declaration: string): boolean =>
  typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports(declaration);

/**
 * The engine from features only it has (DESIGN: feature-detect, never sniff). Each test is
 * one of several, so one engine dropping a prefix does not flip the answer:
 * - WebKit keeps `-webkit-hyphens` (Chromium and Gecko never took it), Apple's builds have
 *   `GestureEvent`, and iOS Safari has `navigator.standalone`;
 * - Gecko has `mozInnerScreenX` and `-moz-appearance`.
 * Checked in Chromium 156, Firefox ESR 153 and WebKitGTK 2.50.
 */
export function detectEngine(): InstallFacts['engine'] {
  if (supports('-webkit-hyphens: auto') || 'GestureEvent' in window || 'standalone' in navigator) {
    return 'webkit';
  }
  if ('mozInnerScreenX' in window || supports('-moz-appearance: none')) return 'gecko';
  return 'other';
}

/** A phone or tablet: the primary pointer is a finger. */
export function touchFirst(): boolean {
  return window.matchMedia('(pointer: coarse)').matches;
}
