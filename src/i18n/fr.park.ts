// French (fr-BE) texts of the park tablet's intake (keys as in nl.park.ts).
import type { nlPark } from './nl.park';

export const frPark: Record<keyof typeof nlPark, string> = {
  'form.category.more': 'Tous les types ({count})',
  'form.category.fewer': 'Moins de types',
  'form.weight.ask': '{weight} kg pour cet appareil ({kind}) : est-ce correct ?',
  'form.weight.ask.hint': 'Plus de {max} kg est inhabituel pour ce type d’appareil.',
  'form.weight.ask.yes': 'Oui, {weight} kg est correct',
  'form.weight.ask.fix': 'Corriger le poids',
  'form.error.weight-max': 'Un appareil pèse ici au maximum {max} kg. Vérifiez le poids.',
  'form.note.count': '{count} / {max} caractères',

  'scan.error.double-prefix':
    'Ce code commence deux fois (BK et BW). Un appareil commence par BW, une cage par BK : tapez le code tel qu’il figure sur l’étiquette.',
  'scan.error.item-not-cage':
    'C’est le code d’un appareil (BW), pas d’une cage. Scannez ou tapez l’étiquette de la cage.',
  'scan.error.cage-not-item':
    'C’est le code d’une cage (BK), pas d’un appareil. Scannez ou tapez l’étiquette de l’appareil.',
  'cage.new.ask': 'Ouvrir une nouvelle cage ?',
  'cage.new.ask.detail': 'La cage {code} n’a pas encore été utilisée sur cet appareil.',
  'cage.new.ask.replaces': 'Les nouveaux appareils iront alors dans cette cage, plus dans {open}.',
  'cage.new.yes': 'Oui, ouvrir la cage',
  'cage.new.no': 'Non',

  'cage.close.ask':
    'Vous comptez {counted}, mais {expected} sont enregistrés. Recomptez, ou fermez quand même : la différence est conservée et la kringwinkel la voit.',
  'cage.close.recount': 'Recompter',
  'cage.close.anyway': 'Fermer quand même avec {counted}',
  'cage.count-differs': 'Comptés {counted}, enregistrés {registered}',
};
