// When background rounds start: after writes, periodically, and not while a form holds them —
// but never later than their deadline.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleRounds, type RoundSchedule } from './schedule';

const POLL = 5_000;
const AFTER_WRITE = 1_000;
const MAX_POSTPONE = 15_000;

let rounds: number[];
let held: boolean;
let wanted: boolean;
let schedule: RoundSchedule;
const t0 = Date.UTC(2026, 11, 3, 9);
const at = () => Date.now() - t0;

beforeEach(() => {
  vi.useFakeTimers({ now: t0 });
  rounds = [];
  held = false;
  wanted = true;
  schedule = scheduleRounds({
    run: () => rounds.push(at()),
    held: () => held,
    pollWanted: () => wanted,
    pollMs: POLL,
    afterWriteMs: AFTER_WRITE,
    maxPostponeMs: MAX_POSTPONE,
  });
});

afterEach(() => {
  schedule.stop();
  vi.useRealTimers();
});

describe('scheduleRounds', () => {
  it('polls every period while wanted, and not when not', () => {
    vi.advanceTimersByTime(3 * POLL);
    expect(rounds).toEqual([5_000, 10_000, 15_000]);
    wanted = false;
    vi.advanceTimersByTime(3 * POLL);
    expect(rounds).toHaveLength(3);
  });

  it('pushes a moment after a write, once for a burst', () => {
    vi.advanceTimersByTime(100);
    schedule.wrote();
    vi.advanceTimersByTime(500);
    schedule.wrote();
    vi.advanceTimersByTime(500);
    schedule.wrote();
    vi.advanceTimersByTime(AFTER_WRITE);
    expect(rounds).toEqual([2_100]);
  });

  it('postpones a periodic round due right after a write to the push: one round, not two', () => {
    vi.advanceTimersByTime(4_800);
    schedule.wrote();
    vi.advanceTimersByTime(1_000);
    expect(rounds).toEqual([5_800]);
    vi.advanceTimersByTime(4_200);
    expect(rounds).toEqual([5_800, 10_000]);
  });

  it('holds the periodic round while a form is open and runs it once the save has settled', () => {
    vi.advanceTimersByTime(1_000);
    held = true;
    vi.advanceTimersByTime(6_000);
    expect(rounds).toEqual([]);
    held = false;
    schedule.released();
    vi.advanceTimersByTime(AFTER_WRITE - 1);
    expect(rounds).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(rounds).toEqual([8_000]);
  });

  it('never holds a periodic round longer than its limit', () => {
    held = true;
    vi.advanceTimersByTime(POLL + MAX_POSTPONE - 1);
    expect(rounds).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(rounds).toEqual([POLL + MAX_POSTPONE]);
    // Still held: the next one waits its own limit again, it is not starved either.
    vi.advanceTimersByTime(MAX_POSTPONE + POLL);
    expect(rounds).toEqual([20_000, 40_000]);
  });

  it('holds a push at most one more push delay', () => {
    schedule.wrote();
    held = true; // the next item's form opened
    vi.advanceTimersByTime(AFTER_WRITE);
    expect(rounds).toEqual([]);
    vi.advanceTimersByTime(AFTER_WRITE - 1);
    expect(rounds).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(rounds).toEqual([2 * AFTER_WRITE]);
  });

  it('a held push goes once the form has gone and the save settled, if that is sooner', () => {
    schedule.wrote();
    vi.advanceTimersByTime(200);
    held = true;
    vi.advanceTimersByTime(400);
    held = false;
    schedule.released(); // the form was closed without a save at 600
    vi.advanceTimersByTime(AFTER_WRITE - 1);
    expect(rounds).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(rounds).toEqual([1_600]);
  });

  it('starts nothing once stopped', () => {
    schedule.wrote();
    schedule.stop();
    vi.advanceTimersByTime(3 * POLL);
    expect(rounds).toEqual([]);
  });
});
