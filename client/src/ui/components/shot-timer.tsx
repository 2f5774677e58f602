import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ShotTimerProps {
  /** Called with whole seconds when the timer stops (and on reset, with null). */
  onTime: (seconds: number | null) => void;
}

/**
 * A stopwatch for the shot. It reads `performance.now()` rather than counting ticks, so a
 * throttled background tab or a slow frame never makes the shot look shorter.
 */
export function ShotTimer({ onTime }: ShotTimerProps): JSX.Element {
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const frame = useRef(0);

  useEffect(() => {
    if (startedAt === null) return;
    const tick = () => {
      setElapsed((performance.now() - startedAt) / 1000);
      frame.current = window.setTimeout(tick, 100);
    };
    tick();
    return () => window.clearTimeout(frame.current);
  }, [startedAt]);

  const running = startedAt !== null;
  const toggle = () => {
    if (running) {
      const s = Math.round((performance.now() - startedAt) / 1000);
      setStartedAt(null);
      setElapsed(s);
      onTime(s);
    } else {
      setElapsed(0);
      setStartedAt(performance.now());
    }
  };
  const reset = () => {
    setStartedAt(null);
    setElapsed(0);
    onTime(null);
  };

  return (
    <div class={`timer${running ? ' timer-running' : ''}`}>
      <span class="timer-value" role="timer" aria-live="off">
        {elapsed.toFixed(1)} s
      </span>
      <button
        type="button"
        class={`btn ${running ? 'btn-danger' : 'btn-primary'}`}
        onClick={toggle}
        aria-label={running ? 'Stop the shot timer' : 'Start the shot timer'}
      >
        {running ? 'Stop' : 'Start'}
      </button>
      <button type="button" class="btn" onClick={reset} disabled={running || elapsed === 0}>
        Reset
      </button>
    </div>
  );
}
