// Item state as a pure fold over the item's events: the same set of events, in any order and with
// any duplicates, gives the same state. Fields are last-writer-wins by (hlc, id).
import type { CageState } from './cageState';
import { orderedEvents } from './eventOrder';
import { deriveStatus } from './itemStatus';
import type { BewaarEvent, EventDataMap } from './events';

export type ItemStatus =
  | 'registered'
  | 'caged'
  | 'in-transit'
  | 'received'
  | 'in-repair'
  | 'for-sale'
  | 'sold'
  | 'rejected'
  | 'missing'
  | 'voided';

type Registered = EventDataMap['item.registered'];
type Rejected = EventDataMap['item.rejected'];

export interface ItemState {
  code: string;
  /** An item.registered exists (an item scanned at the shop first has none). */
  registered: boolean;
  category: number | null;
  brand: string | null;
  model: string | null;
  description: string | null;
  condition: Registered['condition'] | null;
  complete: boolean | null;
  weightKg: number | null;
  weighed: boolean;
  /** Registered, corrected and added photos, first appearance in hlc order; never removed. */
  photos: string[];
  note: string | null;
  /** Site, hlc and actor of the registration that started the item's current life (after a void). */
  site: string | null;
  registeredAt: string | null;
  registeredBy: string | null;
  /** Highest hlc among the item's events; '' when there are none. */
  updatedAt: string;
  cage: string | null;
  cagedAt: string | null;
  voided: boolean;
  /** The first item.received: when it arrived at the shop. */
  receivedAt: string | null;
  /** The cage it was unpacked from at that first scan, if it was scanned during a cage intake. */
  receivedCage: string | null;
  safety: { result: 'pass' | 'fail'; at: string } | null;
  functionTest: { result: 'pass' | 'partial' | 'fail'; at: string } | null;
  wipe: { verified: boolean; method: 'clear' | 'purge' | 'destroy'; at: string } | null;
  repairMinutes: number;
  /** The latest price, kept after a sale or return as a record. */
  price: { priceEur: number; warrantyMonths: number; at: string } | null;
  /** The sale in force: null when a later return undid it. */
  sale: { priceEur: number; at: string } | null;
  /** The rejection in force: null when a later price or return superseded it. */
  rejection: {
    reason: Rejected['reason'];
    destination: Rejected['destination'];
    at: string;
  } | null;
  status: ItemStatus;
  eventCount: number;
}

function emptyItem(code: string): ItemState {
  return {
    code,
    registered: false,
    category: null,
    brand: null,
    model: null,
    description: null,
    condition: null,
    complete: null,
    weightKg: null,
    weighed: false,
    photos: [],
    note: null,
    site: null,
    registeredAt: null,
    registeredBy: null,
    updatedAt: '',
    cage: null,
    cagedAt: null,
    voided: false,
    receivedAt: null,
    receivedCage: null,
    safety: null,
    functionTest: null,
    wipe: null,
    repairMinutes: 0,
    price: null,
    sale: null,
    rejection: null,
    status: 'registered',
    eventCount: 0,
  };
}

// Empty text is how a correction clears a field.
const text = (value: string | undefined) => (value === undefined || value === '' ? null : value);

// A registration states the whole record, so a field it leaves out becomes empty; a correction
// touches only the fields it carries.
function applyFields(item: ItemState, data: Partial<Registered>, whole: boolean): void {
  const has = (field: keyof Registered) => whole || data[field] !== undefined;
  if (has('category')) item.category = data.category ?? null;
  if (has('brand')) item.brand = text(data.brand);
  if (has('model')) item.model = text(data.model);
  if (has('description')) item.description = text(data.description);
  if (has('condition')) item.condition = data.condition ?? null;
  if (has('complete')) item.complete = data.complete ?? null;
  if (has('weightKg')) item.weightKg = data.weightKg ?? null;
  if (has('weighed')) item.weighed = data.weighed ?? false;
  if (has('note')) item.note = text(data.note);
  for (const photo of data.photos ?? []) if (!item.photos.includes(photo)) item.photos.push(photo);
}

type Decision = { index: number; rejection: ItemState['rejection'] };

/** Folds an item's events (others are ignored) into its state; the cage refines transit status. */
export function foldItem(
  code: string,
  events: readonly BewaarEvent[],
  cage?: CageState | null,
): ItemState {
  const ordered = orderedEvents(events, code);
  const item = emptyItem(code);
  item.eventCount = ordered.length;
  item.updatedAt = ordered.at(-1)?.hlc ?? '';
  let newLife = true; // the next registration starts the item's (first or revived) life
  let atWorkshop = false;
  let lastReturn = -1;
  let sold: { index: number; priceEur: number; at: string } | null = null;
  let decision: Decision | null = null;

  for (const [index, event] of ordered.entries()) {
    switch (event.type) {
      case 'item.registered':
        // The registration that starts a life states the whole record. A second one in the same
        // life (the shop registered an item quickly before the park's registration arrived, or
        // two tablets logged the same label) merges into it like a correction, so what only the
        // first one knew — brand, photos, note — is kept.
        applyFields(item, event.data, newLife);
        item.registered = true;
        item.voided = false;
        if (newLife) {
          item.site = event.site;
          item.registeredAt = event.hlc;
          item.registeredBy = event.actor;
          newLife = false;
        }
        break;
      case 'item.corrected':
        applyFields(item, event.data, false);
        break;
      case 'item.voided':
        item.voided = true;
        newLife = true;
        break;
      case 'item.caged':
        item.cage = event.data.cage;
        item.cagedAt = event.hlc;
        break;
      case 'item.received':
        if (item.receivedAt === null) {
          item.receivedAt = event.hlc;
          item.receivedCage = event.data.cage ?? null;
        }
        break;
      case 'item.photo-added':
        if (!item.photos.includes(event.data.photo)) item.photos.push(event.data.photo);
        break;
      case 'item.inspected':
        atWorkshop = true;
        break;
      case 'item.safety-tested':
        item.safety = { result: event.data.result, at: event.hlc };
        atWorkshop = true;
        break;
      case 'item.function-tested':
        item.functionTest = { result: event.data.result, at: event.hlc };
        atWorkshop = true;
        break;
      case 'item.repaired':
        item.repairMinutes += event.data.minutes;
        atWorkshop = true;
        break;
      case 'item.data-wiped':
        item.wipe = { verified: event.data.verified, method: event.data.method, at: event.hlc };
        atWorkshop = true;
        break;
      case 'item.priced':
        item.price = {
          priceEur: event.data.priceEur,
          warrantyMonths: event.data.warrantyMonths,
          at: event.hlc,
        };
        decision = { index, rejection: null };
        break;
      case 'item.rejected':
        decision = {
          index,
          rejection: {
            reason: event.data.reason,
            destination: event.data.destination,
            at: event.hlc,
          },
        };
        break;
      case 'item.sold':
        sold = { index, priceEur: event.data.priceEur, at: event.hlc };
        break;
      case 'item.returned':
        lastReturn = index;
        atWorkshop = true;
        break;
      default:
        break; // cage events have a cage code as subject and never get here
    }
  }

  // A return sends the item back to the workshop: it undoes the sale and the price/reject decision.
  const saleInForce = sold && sold.index > lastReturn ? sold : null;
  const decisionInForce = decision && decision.index > lastReturn ? decision : null;
  item.sale = saleInForce ? { priceEur: saleInForce.priceEur, at: saleInForce.at } : null;
  item.rejection = decisionInForce?.rejection ?? null;
  item.status = deriveStatus(item, decisionInForce?.rejection === null, atWorkshop, cage ?? null);
  return item;
}
