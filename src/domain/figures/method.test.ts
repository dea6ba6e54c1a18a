import { describe, expect, it } from 'vitest';
import { methodLines, methodText } from './method';

describe('the method text', () => {
  it('writes its factors the way each language writes numbers', () => {
    const co2 = (lang: 'nl' | 'fr' | 'en') =>
      methodText(lang).paragraphs.find((p) => p.includes('CO2e')) ?? '';
    expect(co2('nl')).toContain('× 0,5');
    expect(co2('nl')).toContain('32,07 kg');
    expect(co2('fr')).toContain('× 0,5');
    expect(co2('fr')).toContain('32,07 kg');
    expect(co2('en')).toContain('× 0.5');
    expect(co2('en')).toContain('32.07 kg');
    expect(co2('fr')).not.toMatch(/\d\.\d/);
  });

  it('has no English sentence in the French or Dutch lines', () => {
    for (const lang of ['fr', 'nl'] as const) {
      const text = methodLines(lang).join('\n');
      expect(text).not.toMatch(/impact calculation|\bof the\b|\bthe\b [a-z]/);
    }
    expect(methodLines('fr').join('\n')).toContain('calcul d’impact');
  });
});
