import type { JSX } from 'preact';
import type { BrewMethod } from '../../../../shared/model/entities.js';
import { dialInHint, HINT_SOURCES, type HintBrew } from '../logic/hint.js';

/** The dial-in hint with its reasons and a footnote naming where the rules come from. */
export function HintCard(props: { method: BrewMethod; brews: readonly HintBrew[] }): JSX.Element {
  const hint = dialInHint(props.method, props.brews);
  return (
    <section class="card hint" aria-labelledby="hint-title" data-move={hint.move}>
      <h2 id="hint-title">Next shot</h2>
      <p class="hint-move">{hint.headline}</p>
      <ul>
        {hint.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p class="footnote" id="hint-sources">
        Rules of thumb from{' '}
        {HINT_SOURCES.map((s, i) => (
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
