// The paged event log: every event of a subject is found, whichever page and whichever
// connection (a second tab) wrote it, also through the directory a large read keeps.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, type BewaarEvent } from '../domain';
import { openBewaarDb, type BewaarDexie } from './db';
import {
  allLoggedEvents,
  allSubjectEvents,
  appendToLog,
  eventsOfSubjects,
  loggedEventCount,
  logTables,
  newToLog,
  subjectHistory,
} from './log';

let name: string;
let tab: BewaarDexie;
let otherTab: BewaarDexie;
beforeEach(() => {
  name = `log-${Math.random()}`;
  tab = openBewaarDb(name);
  otherTab = openBewaarDb(name);
});
afterEach(async () => {
  otherTab.close();
  await tab.delete();
});

let serial = 0;
function noted(subject: string): BewaarEvent {
  serial += 1;
  return {
    id: `0194d7c6-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    type: 'item.noted',
    subject,
    hlc: formatHlc(Date.UTC(2026, 10, 27, 9) + serial, 0, '00000000000000bb'),
    device: 'dev-2',
    actor: 'p-2',
    site: 'park-2',
    data: { serial },
  } as unknown as BewaarEvent;
}

const codes = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(8, '0')}`);

async function append(db: BewaarDexie, events: BewaarEvent[]): Promise<void> {
  await db.transaction('rw', logTables(db), () => appendToLog(db, events));
}

/** What the log holds of each subject, read without the directory (one page at a time). */
async function expected(subjects: readonly string[]): Promise<Map<string, BewaarEvent[]>> {
  const all = await allLoggedEvents(tab);
  return new Map(subjects.map((s) => [s, all.filter((e) => e.subject === s)]));
}

const sortedIds = (found: Map<string, BewaarEvent[]>) =>
  new Map([...found].map(([s, list]) => [s, list.map((e) => e.id).sort()]));

describe('the paged event log', () => {
  it('finds every event of many subjects across pages, also pages another tab wrote', async () => {
    const many = codes('BW', 150);
    await append(tab, many.map(noted));
    // The first large read builds the directory; then pages come from both tabs.
    expect((await eventsOfSubjects(tab, many)).get(many[0] ?? '')).toHaveLength(1);
    await append(otherTab, many.slice(0, 100).map(noted));
    await append(tab, many.slice(50).map(noted));
    await append(otherTab, [noted(many[7] ?? ''), noted('BK00000001')]);
    const found = await eventsOfSubjects(tab, [...many, 'BK00000001']);
    expect(sortedIds(found)).toEqual(sortedIds(await expected([...many, 'BK00000001'])));
    expect(found.get(many[7] ?? '')).toHaveLength(3);
    expect(found.get(many[120] ?? '')).toHaveLength(2);
    // A few subjects are looked up one by one, with the same answer.
    const few = [many[7] ?? '', many[60] ?? ''];
    expect(sortedIds(await eventsOfSubjects(otherTab, few))).toEqual(
      sortedIds(await expected(few)),
    );
    expect(await loggedEventCount(tab)).toBe(150 + 100 + 100 + 2);
  });

  it('forgets what it learnt from a page whose transaction was rolled back', async () => {
    const first = codes('BW', 80);
    await append(tab, first.map(noted));
    await eventsOfSubjects(tab, first); // builds the directory
    const next = ((await tab.logPages.toCollection().lastKey()) as number) + 1;
    const lost = codes('BX', 80);
    await expect(
      tab.transaction('rw', logTables(tab), async () => {
        await appendToLog(tab, lost.map(noted));
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    // Another tab writes the next page and gets the rolled-back page's number, as Chromium's key
    // generator, reverted with the transaction, gives it (fake-indexeddb's does not revert).
    const kept = codes('BY', 80).map(noted);
    await otherTab.transaction('rw', otherTab.logPages, otherTab.logSubjects, async () => {
      await otherTab.logPages.add({ n: next, text: JSON.stringify(kept) });
      await otherTab.logSubjects.add({ n: next, subjects: kept.map((e) => e.subject) });
    });
    const keptCodes = kept.map((e) => e.subject);
    const found = await eventsOfSubjects(tab, keptCodes);
    expect([...found.values()].every((list) => list.length === 1)).toBe(true);
    const gone = await eventsOfSubjects(tab, lost);
    expect([...gone.values()].every((list) => list.length === 0)).toBe(true);
  });

  it('keeps of a page only the events it lacks, once, and completes their subjects', async () => {
    const subjects = codes('BW', 3);
    const held = subjects.map(noted);
    await append(tab, held);
    const again = held[1] as BewaarEvent;
    const fresh = [noted(subjects[1] ?? ''), noted('BW99999999')];
    const page = [again, fresh[0], held[0], fresh[1], fresh[0]] as BewaarEvent[];
    const { fresh: kept, bySubject } = await newToLog(tab, page);
    expect(kept.map((e) => e.id)).toEqual(fresh.map((e) => e.id));
    expect(bySubject.get(subjects[1] ?? '')?.map((e) => e.id)).toEqual([again.id, fresh[0]?.id]);
    expect(bySubject.get('BW99999999')?.map((e) => e.id)).toEqual([fresh[1]?.id]);
    expect(bySubject.get(subjects[0] ?? '')).toHaveLength(1);
  });

  it('reads the pages an earlier release stored as events next to the pages stored as text', async () => {
    const subjects = codes('BW', 70);
    const earlier = subjects.map(noted);
    // An earlier release kept the events themselves in the page (v9 copied its subjects out).
    const n = await tab.logPages.add({ events: earlier, subjects });
    await tab.logSubjects.add({ n, subjects });
    const later = [...subjects.slice(0, 2), 'BW99999999'].map(noted);
    await append(tab, later);
    const stored = await tab.logPages.toArray();
    expect(stored.map((page) => (page.text === undefined ? 'events' : 'text'))).toEqual([
      'events',
      'text',
    ]);
    expect(JSON.parse(stored[1]?.text ?? '[]')).toEqual(later);
    // Every way of reading the log sees both pages, the events as they were written.
    expect((await subjectHistory(tab, subjects[0] ?? '')).map((e) => e.id)).toEqual([
      earlier[0]?.id,
      later[0]?.id,
    ]);
    const many = await eventsOfSubjects(tab, [...subjects, 'BW99999999']); // through the directory
    expect(many.get(subjects[1] ?? '')).toEqual([earlier[1], later[1]]);
    expect(many.get('BW99999999')).toEqual([later[2]]);
    expect((await allSubjectEvents(tab)).get(subjects[69] ?? '')).toEqual([earlier[69]]);
    expect(await allLoggedEvents(tab)).toEqual([...earlier, ...later]);
  });
});
