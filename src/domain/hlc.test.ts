import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatHlc, hlcInit, hlcReceive, hlcTick, hlcWallMs, MAX_DRIFT_MS, parseHlc } from './hlc';
import type { HlcState } from './hlc';

const NODE = '9f2c4a1b00c3d2e1';
const T = Date.UTC(2026, 10, 27, 10, 15);
const arbNode = fc.stringMatching(/^[0-9a-f]{16}$/);
const arbNow = fc.integer({ min: T - 10 * 3600_000, max: T + 10 * 3600_000 });

describe('stamp format', () => {
  it('formats and parses the documented example', () => {
    const stamp = formatHlc(T, 0, NODE);
    expect(stamp).toBe('2026-11-27T10:15:00.000Z-0000-9f2c4a1b00c3d2e1');
    expect(parseHlc(stamp)).toEqual({ wallMs: T, counter: 0, node: NODE });
    expect(hlcWallMs(stamp)).toBe(T);
  });

  it.each([
    '',
    '2026-11-27T10:15:00Z-0000-9f2c4a1b00c3d2e1',
    '2026-11-27T10:15:00.000Z-000-9f2c4a1b00c3d2e1',
    '2026-11-27T10:15:00.000Z-0000-9F2C4A1B00C3D2E1',
    '2026-02-30T10:15:00.000Z-0000-9f2c4a1b00c3d2e1',
    '2026-11-27T10:15:00.000Z-00001-9f2c4a1b00c3d2e1',
  ])('rejects %j', (stamp) => {
    expect(parseHlc(stamp)).toBeNull();
    expect(hlcWallMs(stamp)).toBeNaN();
  });

  it('reads the wall clock of any stamp-shaped text as a date round trip does', () => {
    // The reference: the ISO part parsed by Date and printed back unchanged, else NaN.
    const reference = (stamp: string) => {
      const iso = stamp.slice(0, 24);
      const ms = Date.parse(iso);
      return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms : Number.NaN;
    };
    const digits = (n: number, max: number) =>
      fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
    fc.assert(
      fc.property(
        fc.tuple(
          digits(4, 9999),
          digits(2, 19),
          digits(2, 39),
          digits(2, 29),
          digits(2, 69),
          digits(2, 69),
          digits(3, 999),
        ),
        fc.integer({ min: 0, max: 0xffff }),
        arbNode,
        ([y, mo, d, h, mi, sec, ms], counter, node) => {
          const stamp = `${y}-${mo}-${d}T${h}:${mi}:${sec}.${ms}Z-${counter.toString(16).padStart(4, '0')}-${node}`;
          const want = reference(stamp);
          expect(hlcWallMs(stamp)).toBe(want);
          expect(parseHlc(stamp)).toEqual(
            Number.isNaN(want) ? null : { wallMs: want, counter, node },
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('orders stamps as strings the way it orders (wall, counter)', () => {
    fc.assert(
      fc.property(
        arbNow,
        fc.integer({ min: 0, max: 0xffff }),
        arbNow,
        fc.integer({ min: 0, max: 0xffff }),
        (w1, c1, w2, c2) => {
          const byParts = w1 - w2 || c1 - c2;
          const a = formatHlc(w1, c1, NODE);
          const b = formatHlc(w2, c2, NODE);
          expect(Math.sign(a < b ? -1 : a > b ? 1 : 0)).toBe(Math.sign(byParts));
        },
      ),
    );
  });

  it('rejects a node that is not 16 lowercase hex digits', () => {
    expect(() => hlcInit('ABC')).toThrow();
    expect(hlcInit(NODE)).toEqual({ wallMs: 0, counter: 0, node: NODE });
  });
});

describe('hlcTick', () => {
  it('takes the wall clock when it moved on, else bumps the counter', () => {
    const a = hlcTick(hlcInit(NODE), T);
    expect(a.state).toEqual({ wallMs: T, counter: 0, node: NODE });
    const b = hlcTick(a.state, T - 5000); // clock went back
    expect(b.state).toEqual({ wallMs: T, counter: 1, node: NODE });
    expect(hlcTick(b.state, T + 1).state).toEqual({ wallMs: T + 1, counter: 0, node: NODE });
  });

  it('borrows a millisecond when the counter would overflow', () => {
    const full: HlcState = { wallMs: T, counter: 0xffff, node: NODE };
    const next = hlcTick(full, T);
    expect(next.state).toEqual({ wallMs: T + 1, counter: 0, node: NODE });
    expect(next.stamp > formatHlc(T, 0xffff, NODE)).toBe(true);
  });

  it('ignores a clock reading that is not a sane number', () => {
    const s: HlcState = { wallMs: T, counter: 3, node: NODE };
    expect(hlcTick(s, Number.NaN).state).toEqual({ wallMs: T, counter: 4, node: NODE });
    expect(hlcTick(s, 1e20).state).toEqual({ wallMs: T, counter: 4, node: NODE });
  });

  it('makes strictly increasing stamps whatever the clock does', () => {
    fc.assert(
      fc.property(arbNode, fc.array(arbNow, { minLength: 2, maxLength: 60 }), (node, nows) => {
        let state = hlcInit(node);
        let previous = '';
        for (const now of nows) {
          const tick = hlcTick(state, now);
          expect(tick.stamp > previous).toBe(true);
          expect(parseHlc(tick.stamp)).toEqual(tick.state);
          previous = tick.stamp;
          state = tick.state;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('hlcReceive', () => {
  it('makes the next local stamp sort after a remote one within the allowed drift', () => {
    fc.assert(
      fc.property(
        arbNode,
        arbNode,
        arbNow,
        arbNow,
        fc.integer({ min: 0, max: 0xffff }),
        arbNow,
        (mine, theirs, localNow, remoteWall, remoteCounter, now) => {
          fc.pre(remoteWall <= now + MAX_DRIFT_MS);
          const local = hlcTick(hlcInit(mine), localNow).state;
          const remote = formatHlc(remoteWall, remoteCounter, theirs);
          const merged = hlcReceive(local, remote, now);
          const next = hlcTick(merged, now);
          expect(next.stamp > remote).toBe(true);
          expect(next.stamp > formatHlc(local.wallMs, local.counter, local.node)).toBe(true);
          expect(merged.node).toBe(mine);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('follows the standard merge cases', () => {
    const s: HlcState = { wallMs: T, counter: 4, node: NODE };
    const other = 'aaaaaaaaaaaaaaaa';
    expect(hlcReceive(s, formatHlc(T, 9, other), T - 1)).toEqual({
      wallMs: T,
      counter: 10,
      node: NODE,
    });
    expect(hlcReceive(s, formatHlc(T - 1, 9, other), T - 1)).toEqual({
      wallMs: T,
      counter: 5,
      node: NODE,
    });
    expect(hlcReceive(s, formatHlc(T + 7, 2, other), T)).toEqual({
      wallMs: T + 7,
      counter: 3,
      node: NODE,
    });
    expect(hlcReceive(s, formatHlc(T + 7, 2, other), T + 9)).toEqual({
      wallMs: T + 9,
      counter: 0,
      node: NODE,
    });
    expect(hlcReceive(s, 'garbage', T + 9)).toBe(s);
  });
});

describe('hlcReceive and a clock far ahead', () => {
  it('is not pulled more than MAX_DRIFT_MS ahead of its own clock', () => {
    const now = Date.UTC(2026, 10, 27, 10, 0, 0);
    const state = hlcInit('00000000000000aa');
    const yearAhead = formatHlc(Date.UTC(2027, 10, 27), 0, '00000000000000bb');
    expect(hlcReceive(state, yearAhead, now)).toEqual(state);
    const tick = hlcTick(hlcReceive(state, yearAhead, now), now);
    expect(hlcWallMs(tick.stamp)).toBe(now);
    // Within the drift the usual rule holds: the next local stamp sorts after the remote one.
    const minutesAhead = formatHlc(now + 10 * 60_000, 3, '00000000000000bb');
    const merged = hlcTick(hlcReceive(state, minutesAhead, now), now);
    expect(merged.stamp > minutesAhead).toBe(true);
    expect(MAX_DRIFT_MS).toBe(24 * 3_600_000);
  });
});
