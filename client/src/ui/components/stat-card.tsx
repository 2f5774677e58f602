import type { ComponentChildren, JSX } from 'preact';

export interface StatTable {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/**
 * One statistic: a heading, a small chart, and its numbers as a table under "Show the
 * numbers" (for screen readers, and for reading exact values); or, with too little data, a
 * sentence saying what the chart needs. `id` names the card for links and tests.
 */
export function StatCard(props: {
  id: string;
  title: string;
  /** A control beside the heading (a bag picker). */
  control?: ComponentChildren;
  /** Set when there is too little to draw: the card says this instead. */
  empty: string | null;
  table: StatTable;
  children?: ComponentChildren;
}): JSX.Element {
  const { id, table } = props;
  return (
    <section class="card stat-card" aria-labelledby={`${id}-title`} data-stat={id}>
      <div class="screen-head">
        <h2 id={`${id}-title`}>{props.title}</h2>
        {props.control}
      </div>
      {props.empty !== null ? (
        <p class="muted">{props.empty}</p>
      ) : (
        <>
          {props.children}
          <details class="stat-numbers">
            <summary>Show the numbers</summary>
            <table class="dial-table" data-testid={`${id}-table`}>
              <caption class="visually-hidden">{table.caption}</caption>
              <thead>
                <tr>
                  {table.head.map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  // Rows are the chart's buckets in a fixed order: their position is their key.
                  <tr key={i}>
                    {row.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
