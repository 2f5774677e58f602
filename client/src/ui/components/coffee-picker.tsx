import type { JSX } from 'preact';
import type { BagItem } from '../../data/index.js';
import { Field } from './field.js';

export interface CoffeePickerProps {
  bags: readonly BagItem[];
  value: string | null;
  onChange: (bagId: string) => void;
  /** Names the roaster beside each coffee (logging, where two bags may share a name). */
  withRoaster?: boolean;
}

/** The coffee a brew is of: a choice among the bags on this device. */
export function CoffeePicker({
  bags,
  value,
  onChange,
  withRoaster,
}: CoffeePickerProps): JSX.Element {
  return (
    <Field id="f-bag" label="Coffee">
      {(control) => (
        <select
          id={control.id}
          class="input"
          value={value ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        >
          {bags.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
              {withRoaster && b.roaster ? ` — ${b.roaster}` : ''}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
