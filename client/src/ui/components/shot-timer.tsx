import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ShotTimerProps {
  /**
   * When the running shot started (epoch ms), or null when stopped. Owned by the form's draft,
   * so a shot keeps counting across tab switches, reloads and a killed app.
   */
  startedAt: number | null;
  onStart: (startedAt: number) => void;
  /** The timer stopped: whole seconds, which the form puts in Time. */
  onStop: (seconds: number) => void;
  /** Reset: the timer and Time are cleared. */
  onReset: () => void;
}

/** Seconds since `startedAt` by the wall clock, never negative (a clock set back mid-shot). */
function secondsSince(startedAt: number): number {
  return Math.max(0, (Date.now() - startedAt) / 1000);
}

/**
 * A stopwatch for the shot: one tap starts it, one tap stops it and fills Time. It reads the
 * wall clock rather than counting ticks, so a throttled background tab or a slow frame never
 * makes the shot look shorter, and a start stored before a reload goes on counting.
 */
export function ShotTimer({ startedAt, onStart, onStop, onReset }: ShotTimerProps): JSX.Element {
  const [shown, setShown] = useState(startedAt === null ? 0 : secondsSince(startedAt));
  // The next tick, and whether Stop was tapped. The parent clears `startedAt` only once the
  // draft is written, and a tick in between put the running time back over the stopped one
  // ("2.5 s" shown beside Time = 2, seen in CI under load).
  const frame = useRef(0);
  const stopped = useRef(false);

  useEffect(() => {
    if (startedAt === null) return;
    stopped.current = false;
    const tick = () => {
      if (stopped.current) return;
      setShown(secondsSince(startedAt));
      frame.current = window.setTimeout(tick, 100);
    };
    tick();
    return () => window.clearTimeout(frame.current);
  }, [startedAt]);

  const running = startedAt !== null;
  const toggle = () => {
    if (startedAt !== null) {
      if (stopped.current) return;
      stopped.current = true;
      window.clearTimeout(frame.current);
      const s = Math.round(secondsSince(startedAt));
      setShown(s);
      onStop(s);
    } else {
      setShown(0);
      onStart(Date.now());
    }
  };
  const reset = () => {
    setShown(0);
    onReset();
  };

  return (
    <div class={`timer${running ? ' timer-running' : ''}`}>
      <span class="timer-value" role="timer" aria-live="off" data-testid="timer-value">
        {shown.toFixed(1)} s
      </span>
      <button
        type="button"
        class={`btn btn-big ${running ? 'btn-danger' : 'btn-primary'}`}
        onClick={toggle}
        aria-label={running ? 'Stop the shot timer' : 'Start the shot timer'}
      >
        {running ? 'Stop' : 'Start'}
      </button>
      <button type="button" class="btn" onClick={reset} disabled={running || shown === 0}>
        Reset
      </button>
    </div>
  );
}
