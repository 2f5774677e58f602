import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { uniqueTags } from '../../../../shared/model/tags.js';
import { Field } from './field.js';

export interface TagsFieldProps {
  id: string;
  label: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** The longest one tag may be (the field spec's `maxTagLength`). */
  maxTagLength: number;
  error?: string | undefined;
  placeholder?: string;
}

/**
 * Tags as chips: type one and press Enter, a comma or Add; each chip has its own Remove
 * button (a 48 px target). The tags are stored joined in one field (shared/model/tags.ts).
 */
export function TagsField(props: TagsFieldProps): JSX.Element {
  const [typed, setTyped] = useState('');
  const add = (text: string) => {
    const next = uniqueTags([...props.tags, ...text.split(',')]);
    if (next.length !== props.tags.length) props.onChange(next);
    setTyped('');
  };
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      {(control) => (
        <div class="stack" style={{ gap: '8px' }}>
          {props.tags.length > 0 ? (
            <ul class="tag-list" aria-label={props.label}>
              {props.tags.map((tag) => (
                <li key={tag} class="tag-chip">
                  {tag}
                  <button
                    type="button"
                    class="btn"
                    aria-label={`Remove ${tag}`}
                    onClick={() => props.onChange(props.tags.filter((t) => t !== tag))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div class="btn-row" style={{ flexWrap: 'nowrap' }}>
            <input
              {...control}
              class="input"
              value={typed}
              maxLength={props.maxTagLength}
              placeholder={props.placeholder}
              enterKeyHint="done"
              onInput={(e) => {
                const value = e.currentTarget.value;
                if (value.includes(',')) add(value);
                else setTyped(value);
              }}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                add(typed);
              }}
              onBlur={() => typed.trim() !== '' && add(typed)}
            />
            <button
              type="button"
              class="btn"
              aria-label={`Add to ${props.label.toLowerCase()}`}
              onClick={() => add(typed)}
            >
              Add
            </button>
          </div>
        </div>
      )}
    </Field>
  );
}
