import type { JSX } from 'preact';

export interface RatingProps {
  value: number | null;
  onChange: (rating: number | null) => void;
}

/**
 * Five stars in half steps (the field's step is 0.5). Tapping star n sets n; tapping the
 * star that is already the top one halves it (4 → 3.5), and again clears it.
 */
export function nextRating(current: number | null, star: number): number | null {
  if (current === star) return star - 0.5;
  if (current === star - 0.5) return null;
  return star;
}

export function Rating({ value, onChange }: RatingProps): JSX.Element {
  return (
    <fieldset class="segmented" style={{ gridAutoFlow: 'row' }}>
      <legend>
        Rating <span class="muted">{value === null ? '(none)' : `${value} of 5`}</span>
      </legend>
      <div class="rating">
        {[1, 2, 3, 4, 5].map((star) => {
          const fill =
            value !== null && value >= star ? 'full' : value === star - 0.5 ? 'half' : 'none';
          return (
            <button
              key={star}
              type="button"
              class="star"
              data-fill={fill}
              aria-label={`${star} star${star > 1 ? 's' : ''}`}
              aria-pressed={fill !== 'none'}
              onClick={() => onChange(nextRating(value, star))}
            >
              <span aria-hidden="true">{fill === 'none' ? '☆' : '★'}</span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
