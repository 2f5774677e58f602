import type { JSX } from 'preact';
import type { BagItem } from '../../data/index.js';
import { coffeeLeft, coffeeLeftWords } from '../logic/bag-freshness.js';
import { Field } from './field.js';

export interface CoffeePickerProps {
  bags: readonly BagItem[];
  value: string | null;
  onChange: (bagId: string) => void;
  /** Names the roaster beside each coffee (logging, where two bags may share a name). */
  withRoaster?: boolean;
  /** Says how much coffee is left in each bag that has a weight ("212 g left"). */
  withLeft?: boolean;
}

/** "Yirgacheffe — April · 212 g left": what tells two bags apart at the grinder. */
function optionText(bag: BagItem, withRoaster: boolean, withLeft: boolean): string {
  const left = withLeft ? coffeeLeft(bag) : null;
  return `${bag.name}${withRoaster && bag.roaster ? ` — ${bag.roaster}` : ''}${
    left === null ? '' : ` · ${coffeeLeftWords(left)}`
  }`;
}

/** The coffee a brew is of: a choice among the bags on this device. */
export function CoffeePicker({
  bags,
  value,
  onChange,
  withRoaster = false,
  withLeft = false,
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
              {optionText(b, withRoaster, withLeft)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
