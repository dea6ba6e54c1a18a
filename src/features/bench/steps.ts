// The workshop's steps in the order the work is done, which of them apply to an item, which are
// done (from its history) and which comes next. Pure: the screens render what this decides.
// By module, not the domain's index: the router imports this file, and a shopper's first screen
// must not load the event schemas.
import { categoryById } from '../../domain/categories';
import type { BewaarEvent, ItemState } from '../../domain';
import type { StepEventType } from './benchActions';

export type Step =
  'inspect' | 'safety' | 'function' | 'repair' | 'wipe' | 'outcome' | 'sold' | 'returned';

export const STEPS: readonly Step[] = [
  'inspect',
  'safety',
  'function',
  'repair',
  'wipe',
  'outcome',
  'sold',
  'returned',
];

/** The address-bar word of each step (Dutch, like the app's other paths). */
export const STEP_SLUGS: Record<Step, string> = {
  inspect: 'nakijken',
  safety: 'veiligheid',
  function: 'werking',
  repair: 'herstel',
  wipe: 'wissen',
  outcome: 'beslissing',
  sold: 'verkocht',
  returned: 'terug',
};

const STEP_EVENTS: Record<Step, readonly StepEventType[]> = {
  inspect: ['item.inspected'],
  safety: ['item.safety-tested'],
  function: ['item.function-tested'],
  repair: ['item.repaired'],
  wipe: ['item.data-wiped'],
  outcome: ['item.priced', 'item.rejected'],
  sold: ['item.sold'],
  returned: ['item.returned'],
};

export interface StepInfo {
  step: Step;
  /** The latest event that recorded this step, if any. */
  done: BewaarEvent | null;
  /** Needed before the item may be sold (DESIGN §3 rules). */
  requiredForSale: boolean;
}

/** The steps that apply to the item now, in working order, with what is done. A data wipe only
 * applies to data-bearing categories; sold only once priced; returned only once sold. */
export function stepsFor(item: ItemState, history: readonly BewaarEvent[]): StepInfo[] {
  const category = item.category === null ? undefined : categoryById(item.category);
  const applies: Record<Step, boolean> = {
    inspect: true,
    safety: true,
    function: true,
    repair: true,
    wipe: category?.dataBearing === true,
    outcome: true,
    sold: item.status === 'for-sale' || item.sale !== null,
    returned: item.sale !== null,
  };
  return STEPS.filter((step) => applies[step]).map((step) => ({
    step,
    done: history.findLast((e) => (STEP_EVENTS[step] as string[]).includes(e.type)) ?? null,
    requiredForSale:
      (step === 'safety' && category?.mainsPowered === true) ||
      (step === 'wipe' && category?.dataBearing === true),
  }));
}

// The work on the bench, up to the decision, is what "step n of N" counts. Selling and taking
// back come after the work (and only once it is priced or sold), so counting them made the total
// jump from 5 to 6 the moment an appliance was priced.
const COUNTED: ReadonlySet<Step> = new Set(STEPS.slice(0, STEPS.indexOf('outcome') + 1));

/** Where a step stands among the appliance's counted steps ("step n of total"), or null for a
 * step after the work (sold, returned) or one that does not apply. The total depends only on the
 * kind of appliance, not on how far the work has come. */
export function stepCount(
  steps: readonly StepInfo[],
  step: Step,
): { n: number; total: number } | null {
  const counted = steps.filter((s) => COUNTED.has(s.step));
  const index = counted.findIndex((s) => s.step === step);
  return index < 0 ? null : { n: index + 1, total: counted.length };
}

/** The step after `current` that applies, or null when it was the last. */
export function stepAfter(steps: readonly StepInfo[], current: Step): Step | null {
  const index = steps.findIndex((s) => s.step === current);
  return steps[index + 1]?.step ?? null;
}

/** Where the technician most likely continues: the first step not done after the furthest one
 * done (steps passed over were skipped on purpose), or null when nothing is left. */
export function nextStep(steps: readonly StepInfo[]): Step | null {
  const furthest = steps.findLastIndex((s) => s.done !== null);
  return (
    steps.slice(furthest + 1).find((s) => s.done === null && s.step !== 'returned')?.step ?? null
  );
}

/** The step whose event records the given rule's missing piece. */
export function stepOfBlocker(blocker: string): Step | null {
  if (blocker === 'data-wipe-required') return 'wipe';
  if (blocker === 'safety-test-required') return 'safety';
  return null;
}
