import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/i18n';
import type { AuditEntry } from '../../sync/adminApi';
import { auditSentence } from './auditSentence';

const names = {
  'demo-park-noord': 'Recyclagepark Noord',
  'demo-park-zuid': 'Recyclagepark Zuid',
  'dev-1': 'Tablet Park Noord',
  'p-bart': 'Bart Janssens',
  'p-an': 'An Peeters',
  demo: 'Regio Brugge',
};

const entry = (
  action: string,
  target: string,
  details: Record<string, unknown> = {},
  actorName: string | null = 'Beheerder',
): AuditEntry => ({
  id: '0190',
  at: '2026-11-03T10:00:00.000Z',
  actor: actorName === null ? null : 'p-admin',
  actorName,
  action,
  target,
  details,
});

const nl = translator('nl');
const say = (e: AuditEntry, lang = nl) => auditSentence(e, names, lang);

describe('auditSentence', () => {
  it('writes each change as a sentence with names, never ids or action keys', () => {
    const cases: [AuditEntry, string][] = [
      [
        entry('person.created', 'p-bart', { name: 'Bart', role: 'attendant', sites: [] }),
        'Beheerder maakte parkwachter Bart Janssens aan',
      ],
      [
        entry('device.enrolled', 'dev-1', { name: 'Tablet', site: 'demo-park-noord' }, null),
        'Toestel ‘Tablet Park Noord’ werd ingeschreven bij Recyclagepark Noord',
      ],
      [
        entry('device.revoked', 'dev-1', { name: 'Tablet', site: 'demo-park-noord' }, 'An Peeters'),
        'An Peeters trok de toegang van toestel ‘Tablet Park Noord’ in',
      ],
      [
        entry('site.created', 'demo-park-zuid', { name: 'Zuid', kind: 'park' }),
        'Beheerder maakte recyclagepark ‘Recyclagepark Zuid’ aan',
      ],
      [
        entry('site.created', 'demo-cafe', { name: 'Repair Café Centrum', kind: 'cafe' }),
        'Beheerder maakte repair café ‘Repair Café Centrum’ aan',
      ],
      [
        entry('site.updated', 'demo-park-zuid', { address: 'Kerkstraat 1' }),
        'Beheerder wijzigde het adres van Recyclagepark Zuid',
      ],
      [
        entry('person.updated', 'p-bart', { sites: ['demo-park-noord', 'demo-park-zuid'] }),
        'Beheerder zette Bart Janssens op Recyclagepark Noord en Recyclagepark Zuid',
      ],
      [entry('person.updated', 'p-bart', { active: false }), 'Beheerder zette Bart Janssens uit'],
      [
        entry('person.password-reset', 'p-bart'),
        'Beheerder gaf Bart Janssens een nieuw wachtwoord',
      ],
      [
        entry('person.password-changed', 'p-an', {}, 'An Peeters'),
        'An Peeters koos een nieuw wachtwoord',
      ],
      [
        entry('enrollment-code.created', 'demo-park-noord', { hours: 24, expiresAt: 'x' }),
        'Beheerder maakte een inschrijfcode voor Recyclagepark Noord, 24 uur geldig',
      ],
      [
        entry('labels.reserved', 'batch-1', { kind: 'item', count: 1200 }),
        'Beheerder reserveerde 1.200 labels voor toestellen',
      ],
      [
        entry('labels.reserved', 'batch-2', { kind: 'cage', count: 1 }),
        'Beheerder reserveerde 1 label voor kooien',
      ],
      [entry('region.granted', 'p-an'), 'Beheerder gaf An Peeters toegang tot deze regio'],
      [
        entry('region.updated', 'demo', { name: 'Regio Brugge' }),
        'Beheerder hernoemde de regio tot ‘Regio Brugge’',
      ],
    ];
    for (const [e, sentence] of cases) expect(say(e), e.action).toBe(sentence);
  });

  it('falls back on what the row kept, then on plain words, for what has no name any more', () => {
    expect(
      say(entry('device.enrolled', 'gone', { name: 'Oude tablet', site: 'gone-site' }, null)),
    ).toBe('Toestel ‘Oude tablet’ werd ingeschreven bij onbekend');
    expect(say(entry('person.password-reset', 'gone', {}, null))).toBe(
      'Iemand gaf onbekend een nieuw wachtwoord',
    );
    const future = say(entry('site.merged', 'x'));
    expect(future).toContain('site.merged');
    expect(future).toMatch(/^Beheerder /);
  });

  it('names the person whose enrollment code a device used, and nobody for a code without a maker', () => {
    const withCode = entry(
      'device.enrolled',
      'dev-1',
      { name: 'Bench', site: 'demo-park-noord', codeBy: 'p-an', codeByRole: 'coordinator' },
      null,
    );
    expect(say(withCode)).toBe(
      'Toestel ‘Tablet Park Noord’ werd ingeschreven bij Recyclagepark Noord met de code van An Peeters (coördinator)',
    );
    expect(say(withCode, translator('fr'))).toBe(
      'L’appareil « Tablet Park Noord » a été inscrit à Recyclagepark Noord avec le code de An Peeters (coordinateur)',
    );
    expect(say(withCode, translator('en'))).toBe(
      'Device ‘Tablet Park Noord’ was enrolled at Recyclagepark Noord with the code from An Peeters (coordinator)',
    );
    // A role it does not know leaves the brackets out; a maker since gone is "onbekend".
    expect(
      say(entry('device.enrolled', 'dev-1', { site: 'demo-park-noord', codeBy: 'gone' }, null)),
    ).toBe(
      'Toestel ‘Tablet Park Noord’ werd ingeschreven bij Recyclagepark Noord met de code van onbekend',
    );
    // A demo code, a CLI code or one made before codes kept their maker: today's sentence.
    for (const codeBy of [undefined, null, '']) {
      const plain = entry('device.enrolled', 'dev-1', { site: 'demo-park-noord', codeBy }, null);
      expect(say(plain)).toBe(
        'Toestel ‘Tablet Park Noord’ werd ingeschreven bij Recyclagepark Noord',
      );
    }
  });

  it('speaks French and English too', () => {
    const created = entry('person.created', 'p-bart', { name: 'Bart', role: 'technician' });
    expect(say(created, translator('fr'))).toBe('Beheerder a créé Bart Janssens (technicien)');
    expect(say(created, translator('en'))).toBe('Beheerder created technician Bart Janssens');
    const enrolled = entry('device.enrolled', 'dev-1', { site: 'demo-park-noord' }, null);
    expect(say(enrolled, translator('fr'))).toBe(
      'L’appareil « Tablet Park Noord » a été inscrit à Recyclagepark Noord',
    );
    expect(say(enrolled, translator('en'))).toBe(
      'Device ‘Tablet Park Noord’ was enrolled at Recyclagepark Noord',
    );
    const sites = entry('person.updated', 'p-bart', {
      sites: ['demo-park-noord', 'demo-park-zuid'],
    });
    expect(say(sites, translator('fr'))).toBe(
      'Beheerder a affecté Bart Janssens à Recyclagepark Noord et Recyclagepark Zuid',
    );
  });
});
