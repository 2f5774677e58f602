import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EngineDevice, PageFunction } from './device.js';

/** axe-core's browser build (the same copy @axe-core/playwright injects in the Chromium specs). */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * axe run inside the page of any engine. The app's CSP forbids eval, so the library cannot be
 * handed over as a string to evaluate there: it travels as the body of the page function
 * itself, which every driver runs as its own script (not subject to the page's CSP).
 * Returns "rule (impact) targets" for each serious or critical violation.
 */
const runAxe = new Function(
  'context',
  `${AXE_SOURCE}
  return window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => context + ': ' + v.id + ' (' + v.impact + ') ' +
        v.nodes.map((n) => n.target.join(' ')).join(', ')));`,
) as PageFunction<string, string[]>;

export function seriousViolations(device: EngineDevice, context: string): Promise<string[]> {
  return device.evaluate(runAxe, context);
}
