// English (en-GB) texts for the coordinator's reading: the first sync's progress and the change
// log as sentences.
import type { nlWords } from './nl.words';

export const enWords: Record<keyof typeof nlWords, string> = {
  'firstSync.label': 'Receiving changes',
  'firstSync.progress': '{done} of {total} changes',
  'firstSync.progress.open': '{done} changes received',
  'firstSync.running': 'Not everything is in yet — the first sync is running.',
  'firstSync.waiting': 'Not everything is in yet — the first sync is waiting for a connection.',
  'firstSync.partial': 'What you see here is not complete yet: do not add it up yet.',

  'audit.someone': 'Someone',
  'audit.unknown': 'unknown',
  'audit.site.created.park': '{actor} created recycling park ‘{site}’',
  'audit.site.created.shop': '{actor} created shop ‘{site}’',
  'audit.site.created.cafe': '{actor} created repair café ‘{site}’',
  'audit.site.renamed': '{actor} renamed a park or shop to ‘{name}’',
  'audit.site.address': '{actor} changed the address of {site}',
  'audit.site.intercommunale': '{actor} changed the intercommunale of {site}',
  'audit.person.created': '{actor} created {role} {person}',
  'audit.person.renamed': '{actor} renamed a person to ‘{name}’',
  'audit.person.sites': '{actor} put {person} on {sites}',
  'audit.person.no-sites': '{actor} took {person} off every park and shop',
  'audit.person.deactivated': '{actor} switched {person} off',
  'audit.person.activated': '{actor} switched {person} back on',
  'audit.person.password-changed': '{person} chose a new password',
  'audit.person.password-reset': '{actor} gave {person} a new password',
  'audit.region.created': '{actor} created region ‘{region}’',
  'audit.region.updated': '{actor} renamed the region to ‘{region}’',
  'audit.region.granted': '{actor} gave {person} access to this region',
  'audit.region.withdrawn': '{actor} took away access to this region from {person}',
  'audit.device.enrolled': 'Device ‘{device}’ was enrolled at {site}',
  'audit.device.enrolled.code':
    'Device ‘{device}’ was enrolled at {site} with the code from {person} ({role})',
  'audit.device.revoked': '{actor} revoked device ‘{device}’',
  'audit.enrollment-code.created':
    '{actor} made an enrolment code for {site}, valid for {hours} hours',
  'audit.labels.item.one': '{actor} reserved {count} label for appliances',
  'audit.labels.item.other': '{actor} reserved {count} labels for appliances',
  'audit.labels.cage.one': '{actor} reserved {count} label for cages',
  'audit.labels.cage.other': '{actor} reserved {count} labels for cages',
  'audit.other': '{actor} made a change this version does not know ({action})',
  'audit.details.show': 'Details for support',
};
