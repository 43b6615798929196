import { addDays, addWorkingDays, chinaDate, isWorkingDay, type WorkingCalendar } from '@ccc/domain';
import type { ManualClock } from '../lib/clock';

/**
 * The demo's time: every story (one application's life, one organisation's registration…) runs as a plain
 * async function that waits for its next moment (`await story.after(2, '10:30')`). The timeline runs the
 * stories one step at a time in the order of their moments, setting the injected clock to each moment, so
 * the whole database reads as months of work done in order: every timestamp, audit row, mail and number
 * is the one the services produce at that moment. Moments fall on working days (the loaded calendar).
 */

interface Waiter {
  at: number;
  seq: number;
  resume: () => void;
  abort: (err: unknown) => void;
}

export class DemoTimeline {
  private readonly waiting: Waiter[] = [];
  private running = 0;
  private seq = 0;
  private failure: Error | null = null;

  constructor(
    readonly clock: ManualClock,
    readonly calendar: WorkingCalendar,
    /** The moment the demo ends: no step may come after it. */
    readonly end: Date,
  ) {}

  /** A story starting on the first working day on or after `daysBeforeEnd` calendar days before the end. */
  story(daysBeforeEnd: number): StoryCursor {
    let date = addDays(chinaDate(this.end), -daysBeforeEnd);
    while (!isWorkingDay(date, this.calendar)) date = addDays(date, 1);
    return new StoryCursor(this, date);
  }

  /** Runs the stories to the end, interleaved by time; the first failure stops them all and is thrown. */
  async run(stories: (() => Promise<void>)[]): Promise<void> {
    this.running = stories.length;
    const all = stories.map((s) =>
      s()
        .catch((err: unknown) => {
          this.failure ??= err instanceof Error ? err : new Error('a demo story failed', { cause: err });
        })
        .finally(() => {
          this.running--;
          this.pump();
        }),
    );
    await Promise.all(all);
    if (this.failure) throw this.failure;
  }

  /** Called by a story: resumes it once every other story has reached a later moment. */
  waitUntil(at: Date): Promise<void> {
    return new Promise<void>((resume, abort) => {
      this.waiting.push({ at: at.getTime(), seq: this.seq++, resume, abort });
      this.running--;
      this.pump();
    });
  }

  private pump(): void {
    if (this.running > 0 || this.waiting.length === 0) return;
    if (this.failure) {
      // Stop: every waiting story ends with the failure.
      const stopped = this.waiting.splice(0);
      this.running += stopped.length;
      for (const w of stopped) w.abort(this.failure);
      return;
    }
    this.waiting.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = this.waiting.shift()!;
    if (next.at > this.clock.now().getTime()) this.clock.set(new Date(next.at));
    this.running++;
    next.resume();
  }

  /** The date `n` working days after `date`. */
  workingDaysAfter(date: string, n: number): string {
    return addWorkingDays(date, n, this.calendar);
  }
}

/** One story's position in time: a China date and the last moment it acted. */
export class StoryCursor {
  private last = 0;
  constructor(
    private readonly timeline: DemoTimeline,
    /** The story's current China date 'YYYY-MM-DD'. */
    public date: string,
  ) {}

  /**
   * Waits until `workingDays` working days after the story's current date, at `time` (China time, 'HH:MM').
   * A moment past the end of the demo is brought back to just before it (a story never acts in the future).
   */
  async after(workingDays: number, time: string): Promise<Date> {
    if (workingDays > 0) this.date = this.timeline.workingDaysAfter(this.date, workingDays);
    let at = new Date(`${this.date}T${time}:00+08:00`).getTime();
    const end = this.timeline.end.getTime() - 60_000;
    if (at > end) at = end;
    at = Math.max(at, this.last + 1000);
    this.last = at;
    this.date = chinaDate(new Date(at));
    await this.timeline.waitUntil(new Date(at));
    return new Date(at);
  }

  /** A few minutes later the same day (saving, then uploading, then submitting). */
  later(minutes: number): Promise<Date> {
    const at = new Date(this.last + minutes * 60_000);
    const hhmm = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(at);
    return this.after(0, hhmm);
  }

  /** The story's current China date. */
  today(): string {
    return this.date;
  }
}
