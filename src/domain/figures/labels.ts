// Column headers and value labels of the exports in the three languages. Numbers and dates are
// not translated here: each export writes them in its own form (CSV text, XLSX cells).
import type { Lang } from '../categories';
import type { EventType } from '../events';
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

/** What each event is called in the traceability table: the words of the item's history on the
 * screen, not the wire's type key. */
export const EVENT_NAMES: Record<EventType, Words> = {
  'item.registered': w('Geregistreerd', 'Enregistré', 'Registered'),
  'item.corrected': w('Gecorrigeerd', 'Corrigé', 'Corrected'),
  'item.caged': w('In kooi gelegd', 'Mis en cage', 'Put in a cage'),
  'item.voided': w('Registratie ongedaan gemaakt', 'Enregistrement annulé', 'Registration undone'),
  'cage.opened': w('Kooi geopend', 'Cage ouverte', 'Cage opened'),
  'cage.closed': w('Kooi gesloten', 'Cage fermée', 'Cage closed'),
  'cage.collected': w('Kooi opgehaald', 'Cage enlevée', 'Cage collected'),
  'cage.received': w('Kooi aangekomen', 'Cage arrivée', 'Cage arrived'),
  'cage.unpacked': w('Kooi uitgepakt', 'Cage déballée', 'Cage unpacked'),
  'item.received': w('Aangekomen in de kringwinkel', 'Arrivé au magasin', 'Arrived at the shop'),
  'item.inspected': w('Nagekeken', 'Inspecté', 'Inspected'),
  'item.safety-tested': w('Veiligheidstest', 'Test de sécurité', 'Safety test'),
  'item.function-tested': w('Werkingstest', 'Test de fonctionnement', 'Function test'),
  'item.repaired': w('Hersteld', 'Réparé', 'Repaired'),
  'item.data-wiped': w('Gegevens gewist', 'Données effacées', 'Data wiped'),
  'item.rejected': w('Afgekeurd', 'Refusé', 'Rejected'),
  'item.priced': w('Prijs gezet', 'Prix fixé', 'Priced'),
  'item.sold': w('Verkocht', 'Vendu', 'Sold'),
  'item.returned': w('Teruggebracht', 'Retourné', 'Returned'),
  'item.photo-added': w('Foto toegevoegd', 'Photo ajoutée', 'Photo added'),
  'session.opened': w('Cafédag geopend', 'Séance ouverte', 'Session opened'),
  'session.closed': w('Cafédag gesloten', 'Séance clôturée', 'Session closed'),
  'visit.checked-in': w('Aangemeld aan het onthaal', "Enregistré à l'accueil", 'Checked in'),
  'visit.claimed': w('Aan een tafel genomen', 'Pris à une table', 'Taken to a table'),
  'visit.released': w('Terug in de wachtrij', "Remis dans la file d'attente", 'Back in the queue'),
  'visit.repaired': w('Uitkomst genoteerd', 'Résultat noté', 'Outcome recorded'),
  'visit.checked-out': w('Afgemeld aan het onthaal', "Sorti à l'accueil", 'Checked out'),
  'visit.photo-added': w('Foto toegevoegd', 'Photo ajoutée', 'Photo added'),
};

/** A device the log names that is no enrolled device: a coordinator's browser. */
export const OFFICE_DEVICE = w('Kantoor (browser)', 'Bureau (navigateur)', 'Office (browser)');

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

/** Why an item was rejected, in the workshop's own words (the same as its screen's). */
export const REASON: Record<RejectionReason, Words> = {
  1: w('Geen onderdelen te krijgen', 'Pas de pièces disponibles', 'No spare parts available'),
  2: w('Onderdelen te duur', 'Pièces trop chères', 'Spare parts too expensive'),
  3: w('Krijgt het niet open', "Impossible de l'ouvrir", 'Cannot open it'),
  4: w('Geen herstelinformatie', "Pas d'informations de réparation", 'No repair information'),
  5: w(
    'Geen gereedschap of meettoestel',
    "Pas d'outils ni d'appareil de mesure",
    'No tools or test equipment',
  ),
  6: w('Te versleten', 'Trop usé', 'Too worn out'),
  unsafe: w('Niet veilig', 'Pas sûr', 'Not safe'),
  incomplete: w('Niet volledig', 'Incomplet', 'Not complete'),
  'no-demand': w('Niemand wil het kopen', "Personne ne veut l'acheter", 'Nobody wants to buy it'),
};

export const DESTINATION: Record<RejectionDestination, Words> = {
  recycling: w('Recyclage', 'Recyclage', 'Recycling'),
  parts: w('Onderdelen', 'Pièces détachées', 'Spare parts'),
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
