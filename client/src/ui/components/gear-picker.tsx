import type { JSX } from 'preact';
import { navigate } from '../router.js';
import { Field } from './field.js';

/** The option that leaves for the Gear screen's add form instead of choosing. */
const ADD = '\u0000add';

export interface GearPickerProps {
  /** `grinder` or `brewer`: the field's id, its label and the Gear screen's add form. */
  kind: 'grinder' | 'brewer';
  /** What the picker offers (logic/gear-picks.ts pickerGear: archived gear only when chosen). */
  gear: readonly { id: string; name: string; archived: boolean | null }[];
  value: string | null;
  onChange: (id: string | null) => void;
  /** Where the Gear screen comes back to after an add; without it, no Add option. */
  back?: string;
}

const LABEL = { grinder: 'Grinder', brewer: 'Brewer' } as const;

/**
 * A native select of the person's grinders or brewers, "None", and "Add grinder…" (or
 * "Add brewer…"), which opens the Gear screen's add form; the form's draft is kept meanwhile.
 */
export function GearPicker({ kind, gear, value, onChange, back }: GearPickerProps): JSX.Element {
  const add = back === undefined ? null : `#/gear?${new URLSearchParams({ add: kind, back })}`;
  const label = LABEL[kind];
  return (
    <Field id={`f-${kind}Id`} label={label}>
      {(control) => (
        <select
          {...control}
          class="input"
          value={value ?? ''}
          onChange={(e) => {
            const chosen = e.currentTarget.value;
            if (chosen === ADD && add !== null) {
              e.currentTarget.value = value ?? '';
              navigate(add);
            } else onChange(chosen === '' ? null : chosen);
          }}
        >
          <option value="">None</option>
          {gear.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
              {g.archived ? ' (archived)' : ''}
            </option>
          ))}
          {add === null ? null : <option value={ADD}>Add {kind}…</option>}
        </select>
      )}
    </Field>
  );
}
