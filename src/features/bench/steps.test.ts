import { describe, expect, it } from 'vitest';
import { foldItem, type BewaarEvent } from '../../domain';
import { ITEM, ev, registration } from '../../domain/testEvents';
import { nextStep, stepCount, stepsFor, type Step } from './steps';

const LAPTOP = 16;
const KETTLE = 14;

describe('workshop steps', () => {
  it('adds the data wipe for data-bearing devices only, as required for sale', () => {
    const laptop = [registration(1, { category: LAPTOP })];
    const steps = stepsFor(foldItem(ITEM, laptop), laptop);
    expect(steps.map((s) => s.step)).toEqual([
      'inspect',
      'safety',
      'function',
      'repair',
      'wipe',
      'outcome',
    ]);
    expect(steps.filter((s) => s.requiredForSale).map((s) => s.step)).toEqual(['safety', 'wipe']);
    const kettle = [registration(1, { category: KETTLE })];
    expect(stepsFor(foldItem(ITEM, kettle), kettle).map((s) => s.step)).not.toContain('wipe');
  });

  it('continues after the furthest step done, passing over skipped ones', () => {
    const events: BewaarEvent[] = [registration(1, { category: KETTLE })];
    const at = (list: typeof events) => nextStep(stepsFor(foldItem(ITEM, list), list));
    expect(at(events)).toBe('inspect');
    events.push(ev(2, 'item.safety-tested', ITEM, { result: 'pass', method: 'PAT' }));
    expect(at(events)).toBe('function'); // inspection skipped
    events.push(ev(3, 'item.priced', ITEM, { priceEur: 5, warrantyMonths: 12 }));
    expect(at(events)).toBe('sold');
    events.push(ev(4, 'item.sold', ITEM, { priceEur: 5 }));
    expect(at(events)).toBeNull();
    expect(stepsFor(foldItem(ITEM, events), events).at(-1)?.step).toBe('returned');
  });

  it('counts the same total from the first step to the sale, per kind of appliance', () => {
    const events: BewaarEvent[] = [registration(1, { category: KETTLE })];
    const count = (step: Step) => stepCount(stepsFor(foldItem(ITEM, events), events), step);
    expect(count('inspect')).toEqual({ n: 1, total: 5 });
    expect(count('outcome')).toEqual({ n: 5, total: 5 });
    events.push(ev(2, 'item.priced', ITEM, { priceEur: 5, warrantyMonths: 12 }));
    // Priced: selling applies now, but it is not a sixth step of the work.
    expect(count('outcome')).toEqual({ n: 5, total: 5 });
    expect(count('sold')).toBeNull();
    events.push(ev(3, 'item.sold', ITEM, { priceEur: 5 }));
    expect(count('inspect')).toEqual({ n: 1, total: 5 });
    expect(count('returned')).toBeNull();

    const laptop = [registration(1, { category: LAPTOP })];
    const laptopCount = (step: Step) => stepCount(stepsFor(foldItem(ITEM, laptop), laptop), step);
    expect(laptopCount('wipe')).toEqual({ n: 5, total: 6 });
    expect(laptopCount('outcome')).toEqual({ n: 6, total: 6 });
    // A step that does not apply to a kettle has no place in its count.
    expect(count('wipe')).toBeNull();
  });
});
