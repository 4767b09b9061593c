import { ManualClock } from '../../bff/src/clock.js';

/**
 * A clock that runs with real time and that a test can also move forward: for files whose ordering
 * relies on time passing between requests (newest first) but that wait out a deadline in one test —
 * `advance` skips it instead of sleeping (docs/conventions.md, Time).
 */
export class RunningClock extends ManualClock {
  private offsetMs = 0;
  override now() {
    return new Date(Date.now() + this.offsetMs);
  }
  override set(at: Date) {
    this.offsetMs = at.getTime() - Date.now();
  }
  override advance(ms: number) {
    this.offsetMs += ms;
  }
}
