import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { deviceSettings, SETTING_LIMITS, updateSettings } from '../device-settings.js';
import { parseSettingNumber } from '../logic/setting-number.js';
import { Field } from './field.js';

export interface DefaultAmountFieldProps {
  field: keyof typeof SETTING_LIMITS;
  /** The label, unit included: refusals quote it ("Default dose (g) must be a number"). */
  label: string;
  /** Tells the screen what happened, for its polite announcement. */
  onSaid: (words: string) => void;
}

/**
 * A default dose or yield in grams. Every valid keystroke is kept at once (there is no Save);
 * text that is not a valid amount is never stored, and says why when the field is left.
 */
export function DefaultAmountField(props: DefaultAmountFieldProps): JSX.Element {
  const { field, label } = props;
  const [text, setText] = useState(() => String(deviceSettings.value[field] ?? ''));
  const [error, setError] = useState<string | null>(null);
  const read = (t: string) => parseSettingNumber(t, SETTING_LIMITS[field], label);
  const name = label.replace(/ \(g\)$/, '');

  function onInput(typed: string) {
    setText(typed);
    const result = read(typed);
    if (result.ok) {
      updateSettings({ [field]: result.value });
      setError(null);
    } else if (error !== null) {
      setError(result.message); // Already told; keep the message true to what is typed now.
    }
  }
  function onChange() {
    const result = read(text);
    if (!result.ok) {
      setError(result.message);
      props.onSaid(`${result.message}. Not saved.`);
      return;
    }
    props.onSaid(
      `${name}: ${result.value === null ? "the method's default" : `${result.value} g`}. Saved on this device.`,
    );
  }

  return (
    <Field id={`s-${field}`} label={label} error={error} hint="Empty: the method's default.">
      {(control) => (
        <input
          {...control}
          class="input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onInput={(e) => onInput(e.currentTarget.value)}
          onChange={onChange}
        />
      )}
    </Field>
  );
}
