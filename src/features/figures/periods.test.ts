import { describe, expect, it } from 'vitest';
import { periodRange, recentPeriods } from './periods';

describe('report periods', () => {
  it('gives the first and last day of months, quarters and years (leap years too)', () => {
    expect(periodRange('month', '2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodRange('month', '2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodRange('quarter', '2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('quarter', '2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodRange('year', '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('month', '2026-13')).toBeNull();
    expect(periodRange('quarter', '2026-Q5')).toBeNull();
  });

  it('lists recent periods newest first, across year ends', () => {
    expect(recentPeriods('month', '2026-02-10', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(recentPeriods('quarter', '2026-02-10', 2)).toEqual(['2026-Q1', '2025-Q4']);
    expect(recentPeriods('year', '2026-02-10', 2)).toEqual(['2026', '2025']);
  });
});
