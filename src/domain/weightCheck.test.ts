import { describe, expect, it } from 'vitest';
import { CATEGORIES } from './categories';
import { checkWeight, MAX_WEIGHT_KG, plausibleMaxKg } from './weightCheck';

const VACUUM = 34; // typical 6.801 kg
const PHONE = 19; // typical 0.151 kg
const LARGE_HOUSEHOLD = 17;
const MISC = 18;

describe('weight plausibility', () => {
  it('asks about a 250 kg vacuum cleaner, not about a heavy one', () => {
    expect(checkWeight(VACUUM, 250)).toBe('ask');
    expect(checkWeight(VACUUM, 12)).toBe('ok');
    expect(plausibleMaxKg(VACUUM)).toBeCloseTo(34.005);
    expect(checkWeight(VACUUM, 34)).toBe('ok');
    expect(checkWeight(VACUUM, 34.1)).toBe('ask');
  });

  it('gives light kinds a floor of 10 kg', () => {
    expect(plausibleMaxKg(PHONE)).toBe(10);
    expect(checkWeight(PHONE, 9.5)).toBe('ok');
    expect(checkWeight(PHONE, 11)).toBe('ask');
  });

  it('lets a washing machine through and asks about Misc only above the hard maximum', () => {
    expect(checkWeight(LARGE_HOUSEHOLD, 85)).toBe('ok');
    expect(checkWeight(LARGE_HOUSEHOLD, 400)).toBe('ask');
    expect(plausibleMaxKg(MISC)).toBeNull();
    expect(checkWeight(MISC, 600)).toBe('ok');
  });

  it('refuses anything above the hard maximum, whatever the kind', () => {
    for (const c of CATEGORIES) {
      expect(checkWeight(c.id, MAX_WEIGHT_KG + 0.1)).toBe('too-heavy');
      expect(checkWeight(c.id, 99999)).toBe('too-heavy');
      // The kind's typical weight itself is always plausible, and the range stays under the limit.
      expect(checkWeight(c.id, c.defaultWeightKg ?? 1)).toBe('ok');
      expect(plausibleMaxKg(c.id) ?? 0).toBeLessThan(MAX_WEIGHT_KG);
    }
  });
});
