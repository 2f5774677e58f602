import type { FieldSpec } from '../../../../shared/model/entities.js';
import { checkValue } from '../../../../shared/model/validate.js';
import { parseNumber } from './brew-draft.js';

/** What a typed default amount stands for: a value to keep (null = empty), or why not. */
export type SettingNumber = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * A number setting's text → the value to store. Empty is "not set"; a decimal comma counts,
 * as in the brew form. A refusal names the field by its label, worded like the form's
 * ("Default dose (g) must be at most 100").
 */
export function parseSettingNumber(
  text: string,
  spec: Extract<FieldSpec, { kind: 'number' }>,
  label: string,
): SettingNumber {
  const value = parseNumber(text);
  if (value === null) return { ok: true, value: null };
  const problem = checkValue(spec, value, Date.now());
  return problem === null ? { ok: true, value } : { ok: false, message: `${label} ${problem}` };
}
