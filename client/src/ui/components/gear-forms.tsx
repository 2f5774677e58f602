import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import {
  BREWER_FIELDS,
  type BrewMethod,
  GRIND_SCALES,
  GRINDER_FIELDS,
  type GrindScale,
} from '../../../../shared/model/entities.js';
import { type FieldProblem, validatePatch } from '../../../../shared/model/validate.js';
import {
  type BrewerRecord,
  createBrewer,
  createGrinder,
  type GrinderRecord,
  updateBrewer,
  updateGrinder,
  ValidationError,
} from '../../data/index.js';
import { db } from '../app-state.js';
import { parseNumber } from '../logic/brew-draft.js';
import { GRIND_SCALE_LABELS } from '../logic/gear-words.js';
import { Field, focusFirstInvalid } from './field.js';
import { MethodOptions } from './method-options.js';

/**
 * The add and edit forms of the Gear screen, one per kind. Each checks its values with the
 * shared field table before writing (the write path checks again); `done` is called once the
 * row is written, with its id.
 */

const LABELS: Record<string, string> = {
  name: 'Name',
  scaleKind: 'Scale',
  scaleStep: 'Step',
  method: 'Method',
  defaultDoseG: 'Default dose',
  defaultRatio: 'Default ratio',
  notes: 'Notes',
};

function messages(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= `${LABELS[p.field] ?? p.field} ${p.message}`;
  return out;
}

const text = (s: string) => (s.trim() === '' ? null : s.trim());

interface FormProps<R> {
  /** The row edited; undefined adds one. */
  row: R | undefined;
  done: (id: string) => void;
  cancel: () => void;
}

/** Save, Cancel and (editing) Archive or Unarchive. */
function Actions(props: {
  editing: boolean;
  archived: boolean;
  onArchive: () => void;
  cancel: () => void;
}): JSX.Element {
  return (
    <div class="btn-row">
      <button type="submit" class="btn btn-primary">
        Save
      </button>
      <button type="button" class="btn" onClick={props.cancel}>
        Cancel
      </button>
      {props.editing ? (
        <button type="button" class="btn" onClick={props.onArchive}>
          {props.archived ? 'Unarchive' : 'Archive'}
        </button>
      ) : null}
    </div>
  );
}

/** Runs a write; a refusal of the validator is shown on its fields, nothing is written. */
async function write(
  run: () => Promise<string>,
  setErrors: (e: Record<string, string>) => void,
  done: (id: string) => void,
) {
  try {
    done(await run());
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    setErrors(messages(error.problems));
    focusFirstInvalid();
  }
}

export function GrinderForm({ row, done, cancel }: FormProps<GrinderRecord>): JSX.Element {
  const [name, setName] = useState(row?.name ?? '');
  const [scaleKind, setScaleKind] = useState<GrindScale | ''>(row?.scaleKind ?? '');
  const [scaleStep, setScaleStep] = useState(row?.scaleStep == null ? '' : String(row.scaleStep));
  const [notes, setNotes] = useState(row?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const patch = () => ({
    name: name.trim(),
    scaleKind: scaleKind === '' ? null : scaleKind,
    // A step is a numeric dial's; the other scales keep none.
    scaleStep: scaleKind === 'numeric' ? parseNumber(scaleStep) : null,
    notes: text(notes),
  });

  function save(e: Event) {
    e.preventDefault();
    const values = patch();
    const problems = validatePatch('grinder', values, Date.now(), { creating: true });
    if (scaleKind === 'numeric' && values.scaleStep === null)
      problems.push({ field: 'scaleStep', message: 'is needed for a numeric scale' });
    if (problems.length > 0) {
      setErrors(messages(problems));
      return focusFirstInvalid();
    }
    void write(
      async () => {
        if (!row) return createGrinder(db, { ...values, name: values.name });
        await updateGrinder(db, row.id, values);
        return row.id;
      },
      setErrors,
      done,
    );
  }
  const archive = () =>
    row && void updateGrinder(db, row.id, { archived: !row.archived }).then(() => done(row.id));

  return (
    <form class="card stack" onSubmit={save} noValidate aria-labelledby="grinder-form-title">
      <h2 id="grinder-form-title">{row ? `Edit ${row.name}` : 'Add a grinder'}</h2>
      <Field id="g-name" label="Name" error={errors.name}>
        {(control) => (
          <input
            {...control}
            class="input"
            value={name}
            maxLength={GRINDER_FIELDS.name.maxLength}
            placeholder="e.g. Niche Zero"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="g-scaleKind" label="Scale" error={errors.scaleKind}>
        {(control) => (
          <select
            {...control}
            class="input"
            value={scaleKind}
            onChange={(e) => setScaleKind(e.currentTarget.value as GrindScale | '')}
          >
            <option value="">Not set (step the last number)</option>
            {GRIND_SCALES.map((kind) => (
              <option key={kind} value={kind}>
                {GRIND_SCALE_LABELS[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {scaleKind === 'numeric' ? (
        <Field
          id="g-scaleStep"
          label="Step (one click)"
          hint="1, 0.5, 0.1…"
          error={errors.scaleStep}
        >
          {(control) => (
            <input
              {...control}
              class="input"
              inputMode="decimal"
              value={scaleStep}
              onInput={(e) => setScaleStep(e.currentTarget.value)}
            />
          )}
        </Field>
      ) : null}
      <NotesField id="g-notes" value={notes} onInput={setNotes} error={errors.notes} />
      <Actions
        editing={row !== undefined}
        archived={row?.archived === true}
        onArchive={() => archive()}
        cancel={cancel}
      />
    </form>
  );
}

export function BrewerForm({ row, done, cancel }: FormProps<BrewerRecord>): JSX.Element {
  const [name, setName] = useState(row?.name ?? '');
  const [method, setMethod] = useState<BrewMethod | ''>(row?.method ?? '');
  const [dose, setDose] = useState(row?.defaultDoseG == null ? '' : String(row.defaultDoseG));
  const [ratio, setRatio] = useState(row?.defaultRatio == null ? '' : String(row.defaultRatio));
  const [notes, setNotes] = useState(row?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function save(e: Event) {
    e.preventDefault();
    const values = {
      name: name.trim(),
      method: method === '' ? null : method,
      defaultDoseG: parseNumber(dose),
      defaultRatio: parseNumber(ratio),
      notes: text(notes),
    };
    const problems = validatePatch('brewer', values, Date.now(), { creating: true });
    if (problems.length > 0) {
      setErrors(messages(problems));
      return focusFirstInvalid();
    }
    void write(
      async () => {
        if (!row) return createBrewer(db, { ...values, name: values.name });
        await updateBrewer(db, row.id, values);
        return row.id;
      },
      setErrors,
      done,
    );
  }
  const archive = () =>
    row && void updateBrewer(db, row.id, { archived: !row.archived }).then(() => done(row.id));

  return (
    <form class="card stack" onSubmit={save} noValidate aria-labelledby="brewer-form-title">
      <h2 id="brewer-form-title">{row ? `Edit ${row.name}` : 'Add a brewer'}</h2>
      <Field id="b-name" label="Name" error={errors.name}>
        {(control) => (
          <input
            {...control}
            class="input"
            value={name}
            maxLength={BREWER_FIELDS.name.maxLength}
            placeholder="e.g. V60, Lelit Bianca"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id="b-method" label="Method" error={errors.method}>
        {(control) => (
          <select
            {...control}
            class="input"
            value={method}
            onChange={(e) => setMethod(e.currentTarget.value as BrewMethod | '')}
          >
            <option value="">Not set</option>
            <MethodOptions />
          </select>
        )}
      </Field>
      <div class="grid-2">
        <Field id="b-dose" label="Default dose (g)" error={errors.defaultDoseG}>
          {(control) => (
            <input
              {...control}
              class="input"
              inputMode="decimal"
              value={dose}
              onInput={(e) => setDose(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="b-ratio"
          label="Default ratio (1 : x)"
          hint="2 for espresso, 16 for filter"
          error={errors.defaultRatio}
        >
          {(control) => (
            <input
              {...control}
              class="input"
              inputMode="decimal"
              value={ratio}
              onInput={(e) => setRatio(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <NotesField id="b-notes" value={notes} onInput={setNotes} error={errors.notes} />
      <Actions
        editing={row !== undefined}
        archived={row?.archived === true}
        onArchive={() => archive()}
        cancel={cancel}
      />
    </form>
  );
}

function NotesField(props: {
  id: string;
  value: string;
  onInput: (v: string) => void;
  error: string | undefined;
}): JSX.Element {
  return (
    <Field id={props.id} label="Notes" error={props.error}>
      {(control) => (
        <textarea
          {...control}
          class="input"
          value={props.value}
          maxLength={GRINDER_FIELDS.notes.maxLength}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
