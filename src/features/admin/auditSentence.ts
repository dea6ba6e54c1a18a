// The change log read as sentences: "An Peeters gaf Bart Claes een nieuw wachtwoord" instead of
// `person.password-reset` and ids. Names come from the server's answer (today's names); what it
// could not name (a record since removed) falls back on what the row itself kept, then "unknown".
import type { Translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import type { AuditEntry } from '../../sync/adminApi';

const ROLES = [
  'attendant',
  'technician',
  'coordinator',
  'admin',
  'host',
  'fixer',
  'organiser',
] as const;

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;

/** The change in words, in the reader's language. */
export function auditSentence(
  entry: AuditEntry,
  names: Readonly<Record<string, string>>,
  tr: Translator,
): string {
  const { t, tn } = tr;
  const d = entry.details;
  const name = (id: unknown, kept?: unknown): string =>
    (typeof id === 'string' ? names[id] : undefined) ?? text(kept) ?? t('audit.unknown');
  const actor =
    entry.actorName ??
    (entry.actor === null ? t('audit.someone') : (names[entry.actor] ?? t('audit.someone')));
  const target = (kept?: unknown) => name(entry.target, kept);
  const say = (key: MessageKey, params: Record<string, string | number> = {}) =>
    t(key, { actor, ...params });
  const sentences = (parts: string[]) => parts.join('. ');
  /** A role as a word inside a sentence ("coördinator"); empty for one it does not know. */
  const roleWord = (value: unknown): string => {
    const role = ROLES.find((r) => r === value);
    return role ? t(`admin.role.${role}`).toLocaleLowerCase(tr.locale) : '';
  };

  switch (entry.action) {
    case 'site.created':
      return say(
        d.kind === 'shop'
          ? 'audit.site.created.shop'
          : d.kind === 'cafe'
            ? 'audit.site.created.cafe'
            : 'audit.site.created.park',
        { site: target(d.name) },
      );
    case 'site.updated': {
      const site = target();
      const parts: string[] = [];
      if (text(d.name)) parts.push(say('audit.site.renamed', { name: text(d.name) ?? '' }));
      if ('address' in d) parts.push(say('audit.site.address', { site }));
      if ('intercommunale' in d) parts.push(say('audit.site.intercommunale', { site }));
      return parts.length > 0 ? sentences(parts) : say('audit.other', { action: entry.action });
    }
    case 'person.created':
      return say('audit.person.created', {
        person: target(d.name),
        role: roleWord(d.role),
      }).replace(/\s+\(\)|\s{2,}/g, ' ');
    case 'person.updated': {
      const person = target();
      const parts: string[] = [];
      if (text(d.name)) parts.push(say('audit.person.renamed', { name: text(d.name) ?? '' }));
      if (Array.isArray(d.sites)) {
        const sites = d.sites.map((site) => name(site));
        parts.push(
          sites.length === 0
            ? say('audit.person.no-sites', { person })
            : say('audit.person.sites', { person, sites: listOf(tr, sites) }),
        );
      }
      if (d.active === false) parts.push(say('audit.person.deactivated', { person }));
      if (d.active === true) parts.push(say('audit.person.activated', { person }));
      return parts.length > 0 ? sentences(parts) : say('audit.other', { action: entry.action });
    }
    case 'person.password-changed':
      return say('audit.person.password-changed', { person: target() });
    case 'person.password-reset':
      return say('audit.person.password-reset', { person: target() });
    case 'region.created':
      return say('audit.region.created', { region: text(d.name) ?? target() });
    case 'region.updated':
      return say('audit.region.updated', { region: text(d.name) ?? target() });
    case 'region.granted':
      return say('audit.region.granted', { person: target() });
    case 'region.withdrawn':
      return say('audit.region.withdrawn', { person: target() });
    case 'device.enrolled': {
      const device = target(d.name);
      const site = name(d.site);
      // A code made in Beheer names its maker; the demo's, the CLI's and older ones nobody.
      if (!text(d.codeBy)) return say('audit.device.enrolled', { device, site });
      return say('audit.device.enrolled.code', {
        device,
        site,
        person: name(d.codeBy),
        role: roleWord(d.codeByRole),
      }).replace(/\s+\(\)/g, '');
    }
    case 'device.revoked':
      return say('audit.device.revoked', { device: target(d.name) });
    case 'enrollment-code.created':
      return say('audit.enrollment-code.created', {
        site: target(),
        hours: typeof d.hours === 'number' ? d.hours : '?',
      });
    case 'labels.reserved': {
      const count = typeof d.count === 'number' ? d.count : 0;
      return tn(d.kind === 'cage' ? 'audit.labels.cage' : 'audit.labels.item', count, { actor });
    }
    default:
      return say('audit.other', { action: entry.action });
  }
}

/** "A, B en C" in the reader's language. */
function listOf(tr: Translator, words: string[]): string {
  return new Intl.ListFormat(tr.locale, { type: 'conjunction' }).format(words);
}
