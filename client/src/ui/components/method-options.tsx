import { BREW_METHODS, type BrewMethod } from '../../../../shared/model/entities.js';
import { METHOD_LABELS } from '../logic/format.js';

/** The `<option>`s of a method `<select>`, in their words: every method, or the ones given. */
export function MethodOptions({ methods = BREW_METHODS }: { methods?: readonly BrewMethod[] }) {
  return (
    <>
      {methods.map((m) => (
        <option key={m} value={m}>
          {METHOD_LABELS[m]}
        </option>
      ))}
    </>
  );
}
