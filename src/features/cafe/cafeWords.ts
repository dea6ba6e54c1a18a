// How the café's screens name skills, kinds, statuses and people: the words live in the i18n files,
// these pick the key.
import {
  categoryById,
  ticketLabel,
  type CafeSkill,
  type Lang,
  type UnpoweredKind,
  type VisitState,
} from '../../domain';
import type { Translator } from '../../i18n/i18n';
import type { DeviceProfile } from '../setup/deviceProfile';

/** A skill's name ("Elektro"). */
export function skillName(t: Translator['t'], skill: CafeSkill): string {
  return t(`cafe.skill.${skill}`);
}

/** What a visitor brought, in words: the ORDS category's name or the unpowered kind. */
export function kindName(
  t: Translator['t'],
  lang: Lang,
  visit: { category: number | null; unpoweredKind: UnpoweredKind | null },
): string {
  if (visit.category === 0) return t(`cafe.kind.${visit.unpoweredKind ?? 'other'}`);
  return (visit.category !== null && categoryById(visit.category)?.name[lang]) || '?';
}

/** Where a visit stands, in words ("Wacht", "Aan Tafel 2", "Hersteld" …). */
export function statusText(t: Translator['t'], visit: VisitState): string {
  if (visit.status === 'checked-out') return t('cafe.status.checked-out');
  if (visit.status === 'done' && visit.outcome) return t(`cafe.status.${visit.outcome.status}`);
  if (visit.status === 'at-table' && visit.claim)
    return t('cafe.status.at-table', { table: visit.claim.table });
  return t('cafe.status.waiting');
}

/** A person's name as the device knows it (roster, then the region's directory), else the id. */
export function personName(profile: DeviceProfile, id: string): string {
  return profile.roster.find((p) => p.id === id)?.name ?? profile.directory?.people[id] ?? id;
}

export { ticketLabel };

/** Why the server refused a visitor's contact, in the reader's language where the refusal is one
 * the door can explain (no consent at check-in); else the server's own message. */
export function contactRefusalText(
  t: Translator['t'],
  refused: { code: string; message: string },
): string {
  return refused.code === 'no-consent' ? t('cafe.contacts.refused.no-consent') : refused.message;
}
