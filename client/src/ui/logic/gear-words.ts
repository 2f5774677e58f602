import type { BrewMethod, GrindScale } from '../../../../shared/model/entities.js';
import { METHOD_LABELS } from './format.js';

/** A grinder's scale as the Gear screen names it. */
export const GRIND_SCALE_LABELS: Record<GrindScale, string> = {
  numeric: 'Numeric (clicks of a step)',
  stepless: 'Stepless',
  text: 'Text (typed, no stepper)',
};

/** One line under a grinder's name, in the brewer line's case: "Steps of 0.5", "Stepless". */
export function grinderSummary(g: { scaleKind: GrindScale | null; scaleStep: number | null }) {
  switch (g.scaleKind) {
    case 'numeric':
      return g.scaleStep === null ? 'Numbered steps' : `Steps of ${g.scaleStep}`;
    case 'stepless':
      return 'Stepless';
    case 'text':
      return 'Settings typed';
    default:
      return 'Scale not set';
  }
}

/** One line under a brewer's name: "Espresso · 18 g at 1:2". */
export function brewerSummary(b: {
  method: BrewMethod | null;
  defaultDoseG: number | null;
  defaultRatio: number | null;
}): string {
  const parts = [b.method === null ? null : METHOD_LABELS[b.method]];
  if (b.defaultDoseG !== null) {
    parts.push(`${b.defaultDoseG} g${b.defaultRatio === null ? '' : ` at 1:${b.defaultRatio}`}`);
  } else if (b.defaultRatio !== null) parts.push(`1:${b.defaultRatio}`);
  return parts.filter((p) => p !== null).join(' · ') || 'no method or recipe';
}
