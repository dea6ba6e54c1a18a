// Column headers and value labels of the exports in the three languages. Numbers and dates are
// not translated here: each export writes them in its own form (CSV text, XLSX cells).
import type { Lang } from '../categories';
import type { ItemStatus } from '../itemState';
import type { RejectionDestination, RejectionReason } from './figureTypes';

type Words = Record<Lang, string>;
const w = (nl: string, fr: string, en: string): Words => ({ nl, fr, en });

/** Headers of the per-item table, in column order. */
export const ITEM_COLUMNS = {
  code: w('Code', 'Code', 'Code'),
  category: w('Categorie', 'Catégorie', 'Category'),
  ordsCategory: w('ORDS-categorie', 'Catégorie ORDS', 'ORDS category'),
  brand: w('Merk', 'Marque', 'Brand'),
  model: w('Model', 'Modèle', 'Model'),
  description: w('Omschrijving', 'Description', 'Description'),
  park: w('Recyclagepark', 'Parc à conteneurs', 'Recycling park'),
  registered: w('Geregistreerd', 'Enregistré', 'Registered'),
  status: w('Status', 'Statut', 'Status'),
  weightKg: w('Gewicht (kg)', 'Poids (kg)', 'Weight (kg)'),
  weighed: w('Gewogen', 'Pesé', 'Weighed'),
  received: w('Ontvangen', 'Reçu', 'Received'),
  repairMinutes: w('Herstelminuten', 'Minutes de réparation', 'Repair minutes'),
  priceEur: w('Prijs (€)', 'Prix (€)', 'Price (€)'),
  sold: w('Verkocht', 'Vendu', 'Sold'),
  soldPriceEur: w('Verkoopprijs (€)', 'Prix de vente (€)', 'Sale price (€)'),
  rejectionReason: w('Reden afkeuring', 'Motif du refus', 'Rejection reason'),
  destination: w('Bestemming', 'Destination', 'Destination'),
  note: w('Opmerking', 'Remarque', 'Note'),
} as const satisfies Record<string, Words>;

export type ItemColumn = keyof typeof ITEM_COLUMNS;

/** The first column of every table of a file over several regions (ExportOptions.regionOfSite). */
export const REGION_COLUMN = w('Regio', 'Région', 'Region');
/** The per-item table's columns in order: headers and cells are both looked up by these keys. */
export const ITEM_COLUMN_KEYS = Object.keys(ITEM_COLUMNS) as ItemColumn[];

/** Headers of the traceability table, in column order. */
export const TRACE_COLUMNS = {
  code: w('Code', 'Code', 'Code'),
  type: w('Gebeurtenis', 'Événement', 'Event'),
  time: w('Tijd (Brussel)', 'Heure (Bruxelles)', 'Time (Brussels)'),
  hlc: w('Klokstempel', 'Horodatage', 'Clock stamp'),
  site: w('Locatie', 'Site', 'Site'),
  actor: w('Persoon', 'Personne', 'Person'),
  device: w('Toestel', 'Appareil', 'Device'),
  id: w('Gebeurtenis-id', "ID d'événement", 'Event id'),
  data: w('Gegevens (JSON)', 'Données (JSON)', 'Data (JSON)'),
} as const satisfies Record<string, Words>;

export const STATUS: Record<ItemStatus, Words> = {
  registered: w('geregistreerd', 'enregistré', 'registered'),
  caged: w('in kooi', 'en cage', 'in cage'),
  'in-transit': w('onderweg', 'en route', 'in transit'),
  received: w('ontvangen', 'reçu', 'received'),
  'in-repair': w('in werkplaats', 'en atelier', 'in the workshop'),
  'for-sale': w('te koop', 'en vente', 'for sale'),
  sold: w('verkocht', 'vendu', 'sold'),
  rejected: w('afgekeurd', 'refusé', 'rejected'),
  missing: w('vermist', 'manquant', 'missing'),
  voided: w('geschrapt', 'annulé', 'voided'),
};

export const REASON: Record<RejectionReason, Words> = {
  1: w('onderdelen niet beschikbaar', 'pièces indisponibles', 'spare parts not available'),
  2: w('onderdelen te duur', 'pièces trop chères', 'spare parts too expensive'),
  3: w('niet te openen', "impossible d'ouvrir", 'no way to open product'),
  4: w('geen herstelinformatie', 'pas d’information de réparation', 'no repair information'),
  5: w('geen gereedschap', 'pas d’équipement', 'lack of equipment'),
  6: w('te versleten', 'trop usé', 'too worn out'),
  unsafe: w('onveilig', 'dangereux', 'unsafe'),
  incomplete: w('onvolledig', 'incomplet', 'incomplete'),
  'no-demand': w('geen vraag', 'pas de demande', 'no demand'),
};

export const DESTINATION: Record<RejectionDestination, Words> = {
  recycling: w('recyclage', 'recyclage', 'recycling'),
  parts: w('onderdelen', 'pièces', 'parts'),
};

export const YES_NO: Record<'yes' | 'no', Words> = {
  yes: w('ja', 'oui', 'yes'),
  no: w('nee', 'non', 'no'),
};

/** Labels of the figures sheet. */
export const FIGURE_LABELS = {
  registered: w('Geregistreerd', 'Enregistrés', 'Registered'),
  received: w('Ontvangen in de winkel', 'Reçus au magasin', 'Received at the shop'),
  missing: w('Vermist', 'Manquants', 'Missing'),
  tested: w('Getest', 'Testés', 'Tested'),
  workshop: w('In de werkplaats', "À l'atelier", 'Reached the workshop'),
  repaired: w('Hersteld', 'Réparés', 'Repaired'),
  forSale: w('Te koop gezet', 'Mis en vente', 'Put on sale'),
  onShelf: w('Nog te koop', 'Encore en vente', 'Still on sale'),
  sold: w('Verkocht', 'Vendus', 'Sold'),
  rejected: w('Afgekeurd', 'Refusés', 'Rejected'),
  revenue: w('Omzet (€)', "Chiffre d'affaires (€)", 'Revenue (€)'),
  labour: w('Arbeid (minuten)', "Main-d'œuvre (minutes)", 'Labour (minutes)'),
  co2e: w('Vermeden CO2e (kg)', 'CO2e évité (kg)', 'CO2e avoided (kg)'),
  waste: w('Vermeden afval (kg)', 'Déchets évités (kg)', 'Waste avoided (kg)'),
  reuseRate: w('Hergebruikpercentage', 'Taux de réemploi', 'Reuse rate'),
  repairRate: w('Herstelpercentage', 'Taux de réparation', 'Repair rate'),
  parkToShelf: w(
    'Mediaan dagen park → rek',
    'Médiane jours parc → rayon',
    'Median days park → shelf',
  ),
  parkToSale: w(
    'Mediaan dagen park → verkoop',
    'Médiane jours parc → vente',
    'Median days park → sale',
  ),
  count: w('Aantal', 'Nombre', 'Count'),
  kg: w('kg', 'kg', 'kg'),
  value: w('Waarde', 'Valeur', 'Value'),
  figure: w('Cijfer', 'Chiffre', 'Figure'),
  reason: w('Reden', 'Motif', 'Reason'),
  month: w('Maand', 'Mois', 'Month'),
  period: w('Periode', 'Période', 'Period'),
  allRegions: w("Alle regio's", 'Toutes les régions', 'All regions'),
} as const satisfies Record<string, Words>;

/** The sheet names of the XLSX export (Excel allows 31 characters, no `/\?*[]:`). */
export const SHEETS = {
  figures: w('Cijfers', 'Chiffres', 'Figures'),
  items: w('Toestellen', 'Appareils', 'Items'),
  rejected: w('Afgekeurd per reden', 'Refus par motif', 'Rejected by reason'),
  monthly: w('Per maand', 'Par mois', 'Monthly'),
  method: w('Methode', 'Méthode', 'Method'),
} as const satisfies Record<string, Words>;
