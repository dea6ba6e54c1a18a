// Hybrid logical clock: stamps that sort as plain strings in causal-then-wall-clock order, even
// when a device's clock jumps back. The caller passes the wall clock in; nothing here reads it.

export interface HlcState {
  wallMs: number;
  counter: number;
  /** 16 lowercase hex digits identifying the device, so two devices never make the same stamp. */
  node: string;
}

const MAX_COUNTER = 0xffff;
/** The shape of a stamp; parseHlc also checks that the date exists. */
export const HLC_PATTERN =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/;
const NODE_PATTERN = /^[0-9a-f]{16}$/;
// Four-digit years only: a five-digit ISO year ("+010000-…") would break string ordering.
const MAX_WALL_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A fresh clock for a device node id (16 lowercase hex). */
export function hlcInit(node: string): HlcState {
  if (!NODE_PATTERN.test(node))
    throw new Error(`hlcInit: node must be 16 lowercase hex digits, got "${node}"`);
  return { wallMs: 0, counter: 0, node };
}

/** The stamp string for a clock reading: `<ISO ms UTC>-<4 hex counter>-<16 hex node>`. */
export function formatHlc(wallMs: number, counter: number, node: string): string {
  return `${new Date(wallMs).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

/** The parts of a stamp, or null when it is not a well-formed stamp. */
export function parseHlc(stamp: string): { wallMs: number; counter: number; node: string } | null {
  const wallMs = hlcWallMs(stamp);
  if (Number.isNaN(wallMs)) return null;
  return { wallMs, counter: parseInt(stamp.slice(25, 29), 16), node: stamp.slice(30) };
}

// Midnight (UTC ms) of each `YYYY-MM-DD` seen, or NaN for a date that does not exist. Figures
// over 100,000 items read the time of some 300,000 stamps that share a few hundred dates.
const dayStartMs = new Map<string, number>();
const DAY_CACHE_LIMIT = 100_000;

function midnightMs(date: string): number {
  let ms = dayStartMs.get(date);
  if (ms === undefined) {
    ms = Date.parse(`${date}T00:00:00.000Z`);
    // Date.parse rolls 2026-02-30 over to March; the round trip catches such impossible dates.
    if (!Number.isFinite(ms) || !new Date(ms).toISOString().startsWith(date)) ms = Number.NaN;
    if (dayStartMs.size >= DAY_CACHE_LIMIT) dayStartMs.clear();
    dayStartMs.set(date, ms);
  }
  return ms;
}

// Two ASCII digits at i (the pattern has already checked that they are digits).
const two = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

/** The event's wall-clock time in ms (for reports); NaN for a malformed stamp. */
export function hlcWallMs(stamp: string): number {
  if (!HLC_PATTERN.test(stamp)) return Number.NaN;
  const hours = two(stamp, 11);
  const minutes = two(stamp, 14);
  const seconds = two(stamp, 17);
  if (hours > 23 || minutes > 59 || seconds > 59) return Number.NaN;
  const millis = (stamp.charCodeAt(20) - 48) * 100 + two(stamp, 21);
  return midnightMs(stamp.slice(0, 10)) + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

// A counter past 0xffff does not fit the 4 hex digits; borrowing one millisecond from the future
// keeps stamps strictly increasing. It needs 65 536 events within one ms, so the drift is nil.
function normalise(wallMs: number, counter: number, node: string): HlcState {
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, node };
  return { wallMs, counter, node };
}

// A broken or absurd reading from the device clock must not poison the stamps: ignore it.
function readClock(nowMs: number): number {
  return Number.isFinite(nowMs) && nowMs >= 0 && nowMs <= MAX_WALL_MS ? Math.floor(nowMs) : 0;
}

/** Advances the clock for a local event and returns the event's stamp. */
export function hlcTick(state: HlcState, nowMs: number): { state: HlcState; stamp: string } {
  const wall = Math.max(state.wallMs, readClock(nowMs));
  const next = normalise(wall, wall === state.wallMs ? state.counter + 1 : 0, state.node);
  return { state: next, stamp: formatHlc(next.wallMs, next.counter, next.node) };
}

/** How far ahead of this device's own clock a received stamp may pull it: a day covers a
 * tablet whose clock is hours wrong (its events keep their causal order), not one set a year
 * ahead. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

/**
 * Merges a stamp seen on another device's event, so the next local stamp sorts after it.
 * A malformed stamp (already rejected by event validation) leaves the state as it is, and so
 * does one more than MAX_DRIFT_MS ahead of `nowMs`: one device with its clock set a year ahead
 * must not drag every other device's clock (and "today") into that year.
 */
export function hlcReceive(state: HlcState, remoteStamp: string, nowMs: number): HlcState {
  const remote = parseHlc(remoteStamp);
  if (!remote) return state;
  if (remote.wallMs > readClock(nowMs) + MAX_DRIFT_MS) return state;
  const wall = Math.max(state.wallMs, remote.wallMs, readClock(nowMs));
  let counter = 0;
  if (wall === state.wallMs && wall === remote.wallMs)
    counter = Math.max(state.counter, remote.counter) + 1;
  else if (wall === state.wallMs) counter = state.counter + 1;
  else if (wall === remote.wallMs) counter = remote.counter + 1;
  return normalise(wall, counter, state.node);
}

/** No Bewaar event happened before this: a stamp before it comes from a device that lost its
 * clock. */
export const EARLIEST_STAMP_MS = Date.UTC(2020, 0, 1);

/** Whether a stamp lies in the window a server whose clock reads `nowMs` takes: from 2020 to
 * MAX_DRIFT_MS ahead. Outside it, the device that wrote it had a wrong clock. */
export function stampInRange(stamp: string, nowMs: number): boolean {
  const wall = hlcWallMs(stamp);
  return wall >= EARLIEST_STAMP_MS && wall <= nowMs + MAX_DRIFT_MS;
}
