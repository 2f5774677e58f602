import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { BrewMethod } from '../../../../shared/model/entities.js';
import { type DeviceSettings, deviceSettings, updateSettings } from '../device-settings.js';
import { CURRENCIES, localeCurrency } from '../logic/currency.js';
import { clockTime, METHOD_LABELS } from '../logic/format.js';
import { type Choice, ChoiceGroup } from './choice-group.js';
import { DefaultAmountField } from './default-amount-field.js';
import { Field } from './field.js';
import { MethodOptions } from './method-options.js';

type Setting<K extends keyof DeviceSettings> = DeviceSettings[K];

const UNITS: readonly Choice<Setting<'temperatureUnit'>>[] = [
  { value: 'C', label: 'Celsius (°C)' },
  { value: 'F', label: 'Fahrenheit (°F)' },
];

const THEMES: readonly Choice<Setting<'theme'>>[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Each clock choice shows what it does to 21:05 today, so the words need no explaining. */
function hourCycles(): Choice<Setting<'hourCycle'>>[] {
  const sample = new Date().setHours(21, 5, 0, 0);
  return [
    { value: 'locale', label: `From my locale (${clockTime(sample, 'locale')})` },
    { value: 'h12', label: `12 h (${clockTime(sample, 'h12')})` },
    { value: 'h23', label: `24 h (${clockTime(sample, 'h23')})` },
  ];
}

const labelOf = <T extends string>(choices: readonly Choice<T>[], value: T) =>
  choices.find((c) => c.value === value)?.label ?? value;

/**
 * This device's preferences: each applies as it is chosen (no Save), is announced politely,
 * and stays on the device, through logging out (client/src/ui/device-settings.ts).
 */
export function DeviceSettingsForm(): JSX.Element {
  const settings = deviceSettings.value;
  const [said, say] = useState('');
  const cycles = hourCycles();

  function choose<K extends keyof DeviceSettings>(key: K, value: DeviceSettings[K], words: string) {
    updateSettings({ [key]: value });
    say(`${words}. Saved on this device.`);
  }

  return (
    <section class="card stack" aria-labelledby="device-title">
      <h2 id="device-title">Preferences</h2>
      <p class="muted" data-testid="device-settings-note">
        These settings are kept on this device only, and stay after you log out.
      </p>
      <Field
        id="s-defaultMethod"
        label="Default method"
        hint="What Log a brew starts with when there is no earlier brew to go on."
      >
        {(control) => (
          <select
            {...control}
            class="input"
            value={settings.defaultMethod ?? 'espresso'}
            onChange={(e) => {
              const method = e.currentTarget.value as BrewMethod;
              choose('defaultMethod', method, `Default method: ${METHOD_LABELS[method]}`);
            }}
          >
            <MethodOptions />
          </select>
        )}
      </Field>
      <DefaultAmountField field="defaultDoseG" label="Default dose (g)" onSaid={say} />
      <DefaultAmountField field="defaultYieldG" label="Default yield (g)" onSaid={say} />
      <ChoiceGroup
        name="s-temperatureUnit"
        legend="Temperature"
        choices={UNITS}
        value={settings.temperatureUnit}
        onChoose={(v) => choose('temperatureUnit', v, `Temperature in ${labelOf(UNITS, v)}`)}
      />
      <ChoiceGroup
        name="s-hourCycle"
        legend="Clock"
        stacked
        choices={cycles}
        value={settings.hourCycle}
        onChoose={(v) => choose('hourCycle', v, `Clock: ${labelOf(cycles, v)}`)}
      />
      <ChoiceGroup
        name="s-theme"
        legend="Theme"
        choices={THEMES}
        value={settings.theme}
        onChoose={(v) => choose('theme', v, `Theme: ${labelOf(THEMES, v)}`)}
      />
      <Field id="s-currency" label="Currency of bag prices">
        {(control) => (
          <select
            {...control}
            class="input"
            value={settings.currency ?? ''}
            onChange={(e) => {
              const code = e.currentTarget.value;
              choose(
                'currency',
                code === '' ? null : code,
                `Prices in ${code || 'the locale’s currency'}`,
              );
            }}
          >
            <option value="">From my locale ({localeCurrency(navigator.language)})</option>
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p role="status" class="muted" data-testid="device-settings-status">
        {said}
      </p>
    </section>
  );
}
