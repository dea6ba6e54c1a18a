// How a repair café's figures are computed (the Restart method, as restarters.net counts repair
// events), in the three languages: shown beside the café figures and written into the exports,
// after the pilot's method text and with the source of the two per-kg factors.
import type { Lang } from '../categories';
import {
  DISPLACEMENT_FACTOR,
  MISC_KGCO2E_PER_KG,
  UNPOWERED_KGCO2E_PER_KG,
} from '../figures/impact';
import type { Source } from '../figures/method';

/** Where the two per-kg factors come from. */
export const CAFE_SOURCE: Source = {
  what: {
    nl: 'Factoren per kg voor repair cafés (32,07 met stroom, 17,70 zonder stroom)',
    fr: 'Facteurs par kg pour les repair cafés (32,07 avec courant, 17,70 sans courant)',
    en: 'Per-kg factors for repair cafés (32.07 powered, 17.70 unpowered)',
  },
  citation: {
    nl: 'The Restart Project, restarters.net (.env.example; app/Helpers/LcaStats.php)',
    fr: 'The Restart Project, restarters.net (.env.example ; app/Helpers/LcaStats.php)',
    en: 'The Restart Project, restarters.net (.env.example; app/Helpers/LcaStats.php)',
  },
  url: 'https://github.com/TheRestartProject/restarters.net',
};

const TEXT: Record<Lang, (factor: string, powered: string, unpowered: string) => string[]> = {
  nl: (factor, powered, unpowered) => [
    'Repair cafés: Restart-methode, zoals restarters.net herstelmomenten telt. Een cafédag telt op zijn datum; hersteld, herstelbaar en einde levensduur als aandeel van de toestellen met een uitkomst.',
    `Vermeden CO2e telt enkel herstelde toestellen: voetafdruk van de categorie × ${factor}. Met stroom zonder voetafdruk (Overige): gewicht × ${powered} kg CO2e/kg × ${factor}. Zonder stroom (textiel, fiets, meubel …): gewicht × ${unpowered} kg CO2e/kg × ${factor}.`,
    'Gewicht: gewogen bij het afmelden, anders het standaardgewicht van de categorie. Een hersteld toestel zonder gewicht en zonder standaardgewicht telt niet mee in CO2e en afval (het aantal staat erbij). Vermeden afval = gewicht van de herstelde toestellen. Toestellen zonder stroom tellen mee in de cijfers, maar staan niet in de ORDS-export.',
  ],
  fr: (factor, powered, unpowered) => [
    'Repair cafés : méthode Restart, comme restarters.net compte les séances de réparation. Une séance compte à sa date ; réparé, réparable et fin de vie en part des objets avec un résultat.',
    `Le CO2e évité ne compte que les objets réparés : empreinte de la catégorie × ${factor}. Avec courant sans empreinte (Divers) : poids × ${powered} kg CO2e/kg × ${factor}. Sans courant (textile, vélo, meuble …) : poids × ${unpowered} kg CO2e/kg × ${factor}.`,
    'Poids : pesé à la sortie, sinon le poids par défaut de la catégorie. Un objet réparé sans poids ni poids par défaut ne compte pas dans le CO2e et les déchets (leur nombre est indiqué). Déchets évités = poids des objets réparés. Les objets sans courant comptent dans les chiffres, mais ne figurent pas dans l’export ORDS.',
  ],
  en: (factor, powered, unpowered) => [
    'Repair cafés: the Restart method, as restarters.net counts repair events. A session counts on its date; fixed, repairable and end of life as shares of the items with an outcome.',
    `CO2e prevented counts fixed items only: the category’s footprint × ${factor}. Powered without a footprint (Misc): weight × ${powered} kg CO2e/kg × ${factor}. Unpowered (textile, bike, furniture …): weight × ${unpowered} kg CO2e/kg × ${factor}.`,
    'Weight: weighed at check-out, else the category’s default weight. A fixed item with neither is not counted in CO2e and waste (how many is shown). Waste prevented = the weight of the fixed items. Unpowered items count in the figures but are not written to the ORDS export.',
  ],
};

/** The café method in short paragraphs in `lang`, its factors written the way that language
 * writes numbers ("17,70"). */
export function cafeMethodText(lang: Lang): string[] {
  const written = (n: number, digits = 0) =>
    new Intl.NumberFormat({ nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' }[lang], {
      minimumFractionDigits: digits,
      maximumFractionDigits: 2,
    }).format(n);
  return TEXT[lang](
    written(DISPLACEMENT_FACTOR),
    written(MISC_KGCO2E_PER_KG, 2),
    written(UNPOWERED_KGCO2E_PER_KG, 2),
  );
}

/** The café method and its factors' source as plain lines, for an export. */
export function cafeMethodLines(lang: Lang): string[] {
  return [
    ...cafeMethodText(lang),
    `${CAFE_SOURCE.what[lang]}: ${CAFE_SOURCE.citation[lang]}, ${CAFE_SOURCE.url}`,
  ];
}
