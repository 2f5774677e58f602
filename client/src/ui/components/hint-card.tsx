import type { JSX } from 'preact';
import { ruleSummary } from '../../../../shared/model/brew-rules.js';
import type { BrewMethod } from '../../../../shared/model/entities.js';
import { METHOD_LABELS } from '../logic/format.js';
import { COMPASS, dialInHint, type HintBrew, type HintTarget } from '../logic/hint.js';

/**
 * The next-shot hint: what to change and how far, why, and the rule it was held against
 * with that rule's own sources, so every number shown says where it comes from.
 */
export function HintCard(props: {
  method: BrewMethod;
  brews: readonly HintBrew[];
  /** The bag's target for the method: the hint aims at its time band. */
  target?: HintTarget | undefined;
}): JSX.Element {
  const hint = dialInHint(props.method, props.brews, props.target);
  const sources = [COMPASS, ...(hint.rule?.sources ?? [])].filter(
    (s, i, all) => all.findIndex((t) => t.url === s.url) === i,
  );
  return (
    <section class="card hint" aria-labelledby="hint-title" data-move={hint.move}>
      <h2 id="hint-title">Next shot</h2>
      <p class="hint-move">{hint.headline}</p>
      <ul>
        {hint.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {hint.rule ? (
        <p class="hint-rule">
          {METHOD_LABELS[props.method]} rule
          {props.target?.timeMinS != null && props.target.timeMaxS != null
            ? ', with the time of your target'
            : ''}
          : {ruleSummary(hint.rule)}.
        </p>
      ) : null}
      <p class="footnote" id="hint-sources">
        From{' '}
        {sources.map((s, i) => (
          <span key={s.url}>
            {i > 0 ? '; ' : ''}
            <a href={s.url} target="_blank" rel="noreferrer">
              {s.title}
            </a>
          </span>
        ))}
        . Taste outranks the timer.
      </p>
    </section>
  );
}
