// Which table a visitor's item goes to: the skill proposed from its kind (the host may change it).
import type { CafeSkill, UnpoweredKind } from '../eventSchemas';

const COMPUTERS = new Set([4, 16, 22, 25, 30]);
const ELECTRONICS = new Set([5, 6, 8, 10, 11, 12, 13, 19, 20, 23, 26, 33, 35, 38]);
const TOY = 32;

const UNPOWERED_SKILL: Record<UnpoweredKind, CafeSkill> = {
  textile: 'textile',
  bike: 'bikes',
  furniture: 'furniture',
  toy: 'toys',
  other: 'other',
};

/** The skill a table needs for an item of this ORDS category (0: unpowered, by its kind). */
export function skillFor(category: number, unpoweredKind?: UnpoweredKind | null): CafeSkill {
  if (category === 0) return UNPOWERED_SKILL[unpoweredKind ?? 'other'];
  if (COMPUTERS.has(category)) return 'computers';
  if (ELECTRONICS.has(category)) return 'electronics';
  if (category === TOY) return 'toys';
  return 'electric';
}
