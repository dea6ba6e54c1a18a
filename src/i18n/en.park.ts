// English texts of the park tablet's intake (keys as in nl.park.ts).
import type { nlPark } from './nl.park';

export const enPark: Record<keyof typeof nlPark, string> = {
  'form.category.more': 'All kinds ({count})',
  'form.category.fewer': 'Fewer kinds',
  'form.weight.ask': 'Is {weight} kg right for this {kind}?',
  'form.weight.ask.hint': 'More than {max} kg is unusual for this kind of appliance.',
  'form.weight.ask.yes': 'Yes, {weight} kg is right',
  'form.weight.ask.fix': 'Change the weight',
  'form.error.weight-max': 'An appliance weighs at most {max} kg here. Check the weight.',
  'form.note.count': '{count} / {max} characters',

  'scan.error.double-prefix':
    'This code starts twice (BK and BW). An appliance starts with BW, a cage with BK: type the code as it is on the label.',
  'scan.error.item-not-cage':
    'This is an appliance’s code (BW), not a cage’s. Scan or type the label on the cage.',
  'scan.error.cage-not-item':
    'This is a cage’s code (BK), not an appliance’s. Scan or type the label on the appliance.',
  'cage.new.ask': 'Open a new cage?',
  'cage.new.ask.detail': 'Cage {code} has not been used on this device yet.',
  'cage.new.ask.replaces': 'New appliances will then go into this cage, no longer into {open}.',
  'cage.new.yes': 'Yes, open the cage',
  'cage.new.no': 'No',

  'cage.close.ask':
    'You count {counted}, but {expected} are registered. Count again, or close anyway: the difference is recorded and the shop sees it.',
  'cage.close.recount': 'Count again',
  'cage.close.anyway': 'Close anyway with {counted}',
  'cage.count-differs': 'Counted {counted}, registered {registered}',
};
