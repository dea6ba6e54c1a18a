import { describe, expect, it } from 'vitest';
import { safetyMethodIn, safetyMethods } from './safetyMethods';

describe('safety-test methods', () => {
  it('are suggested in the reader’s language', () => {
    expect(safetyMethods('fr')).toContain('PAT classe I');
    expect(safetyMethods('en')).toContain('PAT Class II');
    expect(safetyMethods('fr').join(' ')).not.toMatch(/klasse|Visueel/);
    expect(safetyMethods('en').join(' ')).not.toMatch(/klasse|Visueel/);
  });

  it('show a recorded known method in the reader’s language, the rest as written', () => {
    expect(safetyMethodIn('fr', 'PAT klasse I')).toBe('PAT classe I');
    expect(safetyMethodIn('fr', 'PAT klasse II (EN 50678)')).toBe('PAT classe II (EN 50678)');
    expect(safetyMethodIn('en', 'pat classe ii')).toBe('PAT Class II');
    expect(safetyMethodIn('nl', 'Visual (no mains power)')).toBe('Visueel (geen netstroom)');
    expect(safetyMethodIn('fr', 'Fluke 6500 auto')).toBe('Fluke 6500 auto');
    expect(safetyMethodIn('fr', 'PAT klasse Ix')).toBe('PAT klasse Ix');
  });
});
