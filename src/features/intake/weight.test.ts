import { describe, expect, it } from 'vitest';
import { formatWeightInput, parseWeight } from './weight';

describe('weight input', () => {
  it('reads a decimal comma or point', () => {
    expect(parseWeight('2,5')).toBe(2.5);
    expect(parseWeight(' 0.15 ')).toBe(0.15);
    expect(parseWeight('12')).toBe(12);
  });
  it('refuses what is not a positive weight', () => {
    for (const bad of ['', '0', '-1', 'abc', '1,2,3', '2,5 kg'])
      expect(parseWeight(bad)).toBeNull();
    // Too heavy is a different message (it names the limit): checkWeight says so, not the parser.
    expect(parseWeight('99999')).toBe(99999);
  });
  it('formats for typing without grouping, so it reads back the same', () => {
    expect(formatWeightInput(1000, 'nl-BE')).toBe('1000');
    expect(parseWeight(formatWeightInput(1.245, 'nl-BE'))).toBe(1.245);
    expect(formatWeightInput(1.245, 'en-GB')).toBe('1.245');
    // A weight typed with more decimals survives a correction that does not touch it.
    expect(parseWeight(formatWeightInput(1.2345, 'nl-BE'))).toBe(1.2345);
  });
});
