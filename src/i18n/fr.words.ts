// French (fr-BE) texts for the coordinator's reading: the first sync's progress and the change log
// as sentences.
import type { nlWords } from './nl.words';

export const frWords: Record<keyof typeof nlWords, string> = {
  'firstSync.label': 'Réception des modifications',
  'firstSync.progress': '{done} sur {total} modifications',
  'firstSync.progress.open': '{done} modifications reçues',
  'firstSync.running': 'Tout n’est pas encore arrivé — la première synchronisation est en cours.',
  'firstSync.waiting':
    'Tout n’est pas encore arrivé — la première synchronisation attend une connexion.',
  'firstSync.partial':
    'Ce qui est affiché ici n’est pas encore complet : ne l’additionnez pas encore.',

  'audit.someone': 'Quelqu’un',
  'audit.unknown': 'inconnu',
  'audit.site.created.park': '{actor} a créé le parc à conteneurs « {site} »',
  'audit.site.created.shop': '{actor} a créé le magasin « {site} »',
  'audit.site.created.cafe': '{actor} a créé le repair café « {site} »',
  'audit.site.renamed': '{actor} a renommé un parc ou magasin en « {name} »',
  'audit.site.address': '{actor} a modifié l’adresse de {site}',
  'audit.site.intercommunale': '{actor} a modifié l’intercommunale de {site}',
  'audit.person.created': '{actor} a créé {person} ({role})',
  'audit.person.renamed': '{actor} a renommé une personne en « {name} »',
  'audit.person.sites': '{actor} a affecté {person} à {sites}',
  'audit.person.no-sites': '{actor} a retiré {person} de tous les parcs et magasins',
  'audit.person.deactivated': '{actor} a désactivé {person}',
  'audit.person.activated': '{actor} a réactivé {person}',
  'audit.person.password-changed': '{person} a choisi un nouveau mot de passe',
  'audit.person.password-reset': '{actor} a donné un nouveau mot de passe à {person}',
  'audit.region.created': '{actor} a créé la région « {region} »',
  'audit.region.updated': '{actor} a renommé la région en « {region} »',
  'audit.region.granted': '{actor} a donné à {person} l’accès à cette région',
  'audit.region.withdrawn': '{actor} a retiré à {person} l’accès à cette région',
  'audit.device.enrolled': 'L’appareil « {device} » a été inscrit à {site}',
  'audit.device.enrolled.code':
    'L’appareil « {device} » a été inscrit à {site} avec le code de {person} ({role})',
  'audit.device.revoked': '{actor} a révoqué l’appareil « {device} »',
  'audit.enrollment-code.created':
    '{actor} a créé un code d’inscription pour {site}, valable {hours} heures',
  'audit.labels.item.one': '{actor} a réservé {count} étiquette pour appareils',
  'audit.labels.item.other': '{actor} a réservé {count} étiquettes pour appareils',
  'audit.labels.cage.one': '{actor} a réservé {count} étiquette pour cages',
  'audit.labels.cage.other': '{actor} a réservé {count} étiquettes pour cages',
  'audit.other': '{actor} a fait une modification que cette version ne connaît pas ({action})',
  'audit.details.show': 'Détails pour le support',
};
