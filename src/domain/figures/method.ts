// How the figures are computed and where the factors come from, in the three languages: shown
// next to every figure on screen and written into every export (the sources require it).
import type { Lang } from '../categories';
import { DISPLACEMENT_FACTOR, MISC_KGCO2E_PER_KG } from './impact';

export interface Source {
  what: Record<Lang, string>;
  /** Author, title, where, licence: titles as published, the rest in the reader's language. */
  citation: Record<Lang, string>;
  url: string;
}

/** The references behind the figures and exports. */
export const SOURCES: readonly Source[] = [
  {
    what: {
      nl: 'Voetafdruk en standaardgewicht per categorie',
      fr: 'Empreinte et poids par défaut par catégorie',
      en: 'Footprint and default weight per category',
    },
    citation: {
      nl: 'The Restart Project, "Fixometer LCA data 2021", licentie CC BY-SA 4.0',
      fr: 'The Restart Project, « Fixometer LCA data 2021 », licence CC BY-SA 4.0',
      en: 'The Restart Project, "Fixometer LCA data 2021", licence CC BY-SA 4.0',
    },
    url: 'https://github.com/TheRestartProject/environmental-impact-data',
  },
  {
    what: {
      nl: 'Rekenmethode CO2e (verdringingsfactor)',
      fr: 'Méthode de calcul CO2e (facteur de déplacement)',
      en: 'CO2e method (displacement factor)',
    },
    citation: {
      nl: 'The Restart Project, impactberekening van restarters.net',
      fr: 'The Restart Project, calcul d’impact de restarters.net',
      en: 'The Restart Project, restarters.net impact calculation',
    },
    url: 'https://restarters.net',
  },
  {
    what: {
      nl: 'Productcategorieën en ORDS-export',
      fr: 'Catégories de produits et export ORDS',
      en: 'Product categories and ORDS export',
    },
    citation: {
      nl: 'Open Repair Alliance, "Open Repair Data Standard" v0.3, licentie CC BY-SA 4.0',
      fr: 'Open Repair Alliance, « Open Repair Data Standard » v0.3, licence CC BY-SA 4.0',
      en: 'Open Repair Alliance, "Open Repair Data Standard" v0.3, licence CC BY-SA 4.0',
    },
    url: 'https://github.com/openrepair/data',
  },
];

const TEXT: Record<Lang, (factor: string, perKg: string) => string[]> = {
  nl: (factor, perKg) => [
    'Hergebruik = verkochte toestellen. Hergebruikpercentage = kg verkocht ÷ kg geregistreerd in de periode (zoals OVAM hergebruik telt).',
    'Gewicht: gewogen of geschat bij registratie (standaardgewicht van de categorie), zoals later verbeterd.',
    `Vermeden CO2e per verkocht toestel = gemiddelde voetafdruk van de categorie × ${factor} (verdringingsfactor). Categorie zonder voetafdruk (Overige, Muziekinstrument): gewicht × ${perKg} kg CO2e/kg × ${factor}.`,
    'Vermeden afval = gewicht van de verkochte toestellen.',
    'Elk cijfer telt een toestel in de periode volgens de datum (Brusselse tijd) van zijn eigen gebeurtenis: geregistreerd op de registratie, verkocht op de verkoop, afgekeurd op de afkeuring, arbeid op elke herstelling. Herstelpercentage = toestellen met minstens één herstelling ÷ toestellen die de werkplaats bereikten in de periode.',
  ],
  fr: (factor, perKg) => [
    'Réemploi = appareils vendus. Taux de réemploi = kg vendus ÷ kg enregistrés dans la période (comme l’OVAM compte le réemploi).',
    'Poids : pesé ou estimé à l’enregistrement (poids par défaut de la catégorie), tel que corrigé ensuite.',
    `CO2e évité par appareil vendu = empreinte moyenne de la catégorie × ${factor} (facteur de déplacement). Catégorie sans empreinte (Divers, Instrument de musique) : poids × ${perKg} kg CO2e/kg × ${factor}.`,
    'Déchets évités = poids des appareils vendus.',
    'Chaque chiffre compte un appareil dans la période selon la date (heure de Bruxelles) de son propre événement : enregistré à l’enregistrement, vendu à la vente, refusé au refus, main-d’œuvre à chaque réparation. Taux de réparation = appareils avec au moins une réparation ÷ appareils arrivés à l’atelier dans la période.',
  ],
  en: (factor, perKg) => [
    'Reuse = appliances sold. Reuse rate = kg sold ÷ kg registered in the period (as OVAM counts reuse).',
    'Weight: weighed or estimated at registration (the category’s default weight), as corrected later.',
    `CO2e avoided per appliance sold = the category’s average footprint × ${factor} (displacement factor). Category without a footprint (Misc, Musical instrument): weight × ${perKg} kg CO2e/kg × ${factor}.`,
    'Waste avoided = weight of the appliances sold.',
    'Each figure counts an appliance in the period by the date (Brussels time) of its own event: registered by the registration, sold by the sale, rejected by the rejection, labour by each repair. Repair rate = appliances with at least one repair ÷ appliances that reached the workshop in the period.',
  ],
};

const TITLE: Record<Lang, string> = { nl: 'Rekenmethode', fr: 'Méthode de calcul', en: 'Method' };

/** The method in short paragraphs in `lang`, its factors written the way that language writes
 * numbers ("× 0,5", "32,07"). Made when asked: Intl's first use at load costs the cold start. */
export function methodText(lang: Lang): { title: string; paragraphs: readonly string[] } {
  const written = (n: number) =>
    new Intl.NumberFormat({ nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' }[lang], {
      maximumFractionDigits: 2,
    }).format(n);
  return {
    title: TITLE[lang],
    paragraphs: TEXT[lang](written(DISPLACEMENT_FACTOR), written(MISC_KGCO2E_PER_KG)),
  };
}

/** The method and its sources as plain lines, for an export's method sheet or footer. */
export function methodLines(lang: Lang): string[] {
  const method = methodText(lang);
  return [
    method.title,
    ...method.paragraphs,
    ...SOURCES.map((s) => `${s.what[lang]}: ${s.citation[lang]}, ${s.url}`),
  ];
}
