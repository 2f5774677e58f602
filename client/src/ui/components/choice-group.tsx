import type { JSX } from 'preact';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceGroupProps<T extends string> {
  /** The radios' shared name; also the prefix of their ids. */
  name: string;
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onChoose: (value: T) => void;
  /** One choice per line, for labels too long to sit three across at 390 px. */
  stacked?: boolean;
}

/**
 * One of a few, as native radio buttons drawn as tiles (settings.css): the whole tile
 * (≥ --tap tall) is the target, the chosen one is filled, and arrow keys move between
 * choices as in any radio group.
 */
export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>): JSX.Element {
  const { name, value } = props;
  return (
    <fieldset class={props.stacked ? 'choices choices-stacked' : 'choices'}>
      <legend>{props.legend}</legend>
      <div class="choices-row">
        {props.choices.map((choice) => (
          <label key={choice.value} class="choice" for={`${name}-${choice.value}`}>
            <input
              id={`${name}-${choice.value}`}
              class="visually-hidden"
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => props.onChoose(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
