// A repair café's tables for the CSV and XLSX exports: its sessions and its visits with their
// outcome, and its figures. Built from visits and sessions only — a visitor's contact is no
// input, so no export can hold one.
import type { Cell, Row, Sheet } from 'write-excel-file/universal';
import type { Lang } from '../categories';
import { categoryById } from '../categories';
import type { UnpoweredKind } from '../eventSchemas';
import { belgianCsv } from '../figures/csv';
import { methodLines } from '../figures/method';
import { cafeMethodLines } from './method';
import type { CafeFigures, CafeFilter } from './figures';
import { cafeFigures, cafeSessionsIn, cafeVisitsIn, visitDay } from './figures';
import type { SessionState } from './sessionState';
import type { VisitState } from './visitState';

type Words = Record<Lang, string>;
const w = (nl: string, fr: string, en: string): Words => ({ nl, fr, en });

export const CAFE_SHEETS = {
  figures: w('Repair café cijfers', 'Repair café chiffres', 'Repair café figures'),
  sessions: w('Cafédagen', 'Séances', 'Sessions'),
  visits: w('Bezoeken', 'Visites', 'Visits'),
} as const satisfies Record<string, Words>;

export const SESSION_COLUMNS = {
  code: w('Cafédag', 'Séance', 'Session'),
  date: w('Datum', 'Date', 'Date'),
  cafe: w('Repair café', 'Repair café', 'Repair café'),
  venue: w('Plaats', 'Lieu', 'Venue'),
  visits: w('Bezoeken', 'Visites', 'Visits'),
  fixed: w('Hersteld', 'Réparés', 'Fixed'),
  repairable: w('Herstelbaar', 'Réparables', 'Repairable'),
  endOfLife: w('Einde levensduur', 'Fin de vie', 'End of life'),
  volunteers: w('Vrijwilligers', 'Bénévoles', 'Volunteers'),
  volunteerHours: w('Vrijwilligersuren', 'Heures de bénévolat', 'Volunteer hours'),
  status: w('Status', 'Statut', 'Status'),
} as const satisfies Record<string, Words>;

export const VISIT_COLUMNS = {
  ticket: w('Ticket', 'Ticket', 'Ticket'),
  number: w('Nummer', 'Numéro', 'Number'),
  session: w('Cafédag', 'Séance', 'Session'),
  date: w('Datum', 'Date', 'Date'),
  cafe: w('Repair café', 'Repair café', 'Repair café'),
  category: w('Soort', 'Type', 'Kind'),
  ordsCategory: w('ORDS-categorie', 'Catégorie ORDS', 'ORDS category'),
  brand: w('Merk', 'Marque', 'Brand'),
  model: w('Model', 'Modèle', 'Model'),
  ageYears: w('Leeftijd (jaar)', 'Âge (ans)', 'Age (years)'),
  problem: w('Probleem (bezoeker)', 'Problème (visiteur)', 'Problem (visitor)'),
  outcome: w('Uitkomst', 'Résultat', 'Outcome'),
  nextStep: w('Volgende stap', 'Étape suivante', 'Next step'),
  barrier: w('Barrière', 'Obstacle', 'Barrier'),
  fault: w('Fout', 'Panne', 'Fault'),
  solution: w('Oplossing', 'Solution', 'Solution'),
  minutes: w('Minuten', 'Minutes', 'Minutes'),
  weightKg: w('Gewicht (kg)', 'Poids (kg)', 'Weight (kg)'),
  fixer: w('Hersteller', 'Réparateur', 'Fixer'),
} as const satisfies Record<string, Words>;

type SessionColumn = keyof typeof SESSION_COLUMNS;
type VisitColumn = keyof typeof VISIT_COLUMNS;
const SESSION_KEYS = Object.keys(SESSION_COLUMNS) as SessionColumn[];
const VISIT_KEYS = Object.keys(VISIT_COLUMNS) as VisitColumn[];

export const OUTCOME_WORDS = {
  fixed: w('hersteld', 'réparé', 'fixed'),
  repairable: w('herstelbaar', 'réparable', 'repairable'),
  'end-of-life': w('einde levensduur', 'fin de vie', 'end of life'),
  none: w('nog geen', 'pas encore', 'none yet'),
} as const satisfies Record<string, Words>;

export const NEXT_STEP_WORDS = {
  'more-time': w('meer tijd nodig', 'plus de temps', 'more time'),
  'professional-help': w('vakman nodig', 'aide professionnelle', 'professional help'),
  'do-it-yourself': w('zelf verder', 'à faire soi-même', 'do it yourself'),
} as const satisfies Record<string, Words>;

export const BARRIER_WORDS: readonly Words[] = [
  w('Geen onderdelen te krijgen', 'Pas de pièces disponibles', 'No spare parts available'),
  w('Onderdelen te duur', 'Pièces trop chères', 'Spare parts too expensive'),
  w('Krijgt het niet open', "Impossible de l'ouvrir", 'Cannot open it'),
  w('Geen herstelinformatie', "Pas d'informations de réparation", 'No repair information'),
  w('Geen gereedschap', "Pas d'outils", 'No tools'),
  w('Te versleten', 'Trop usé', 'Too worn out'),
];

export const UNPOWERED_WORDS: Record<UnpoweredKind, Words> = {
  textile: w('Textiel', 'Textile', 'Textile'),
  bike: w('Fiets', 'Vélo', 'Bike'),
  furniture: w('Meubel', 'Meuble', 'Furniture'),
  toy: w('Speelgoed (zonder stroom)', 'Jouet (sans courant)', 'Toy (unpowered)'),
  other: w('Ander (zonder stroom)', 'Autre (sans courant)', 'Other (unpowered)'),
};

const STATUS_WORDS = {
  open: w('open', 'ouverte', 'open'),
  closed: w('gesloten', 'clôturée', 'closed'),
};

/** A kind in words: the category's name, or the unpowered kind's. */
export function kindWords(
  kind: { category: number | null; unpoweredKind: UnpoweredKind | null },
  lang: Lang,
): string {
  if (kind.category === 0 || kind.category === null)
    return UNPOWERED_WORDS[kind.unpoweredKind ?? 'other'][lang];
  return categoryById(kind.category)?.name[lang] ?? String(kind.category);
}

export interface CafeExportOptions {
  lang?: Lang;
  /** A café's name for its site id (default: the id). */
  siteName?: (site: string) => string;
}

type Value = string | number | null;

function sessionValues(
  sessions: readonly SessionState[],
  visits: readonly VisitState[],
  filter: CafeFilter,
  options: CafeExportOptions,
): Record<SessionColumn, Value>[] {
  const lang = options.lang ?? 'nl';
  const site = (id: string | null) => (id === null ? '' : (options.siteName?.(id) ?? id));
  return cafeSessionsIn(sessions, filter)
    .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : a.date === b.date ? 0 : 1))
    .map((s) => {
      const f = cafeFigures(visits, sessions, { ...filter, session: s.code });
      return {
        code: s.code,
        date: s.date,
        cafe: site(s.site),
        venue: s.venue ?? '',
        visits: f.visits,
        fixed: f.fixed.count,
        repairable: f.repairable.count,
        endOfLife: f.endOfLife.count,
        volunteers: s.volunteers,
        volunteerHours: s.volunteerHours,
        status: STATUS_WORDS[s.status][lang],
      };
    });
}

function visitValues(
  visits: readonly VisitState[],
  sessions: readonly SessionState[],
  filter: CafeFilter,
  options: CafeExportOptions,
): Record<VisitColumn, Value>[] {
  const lang = options.lang ?? 'nl';
  const site = (id: string | null) => (id === null ? '' : (options.siteName?.(id) ?? id));
  const byCode = new Map(sessions.map((s) => [s.code, s]));
  return cafeVisitsIn(visits, sessions, filter)
    .map((v) => ({ v, day: visitDay(v, byCode) ?? '' }))
    .sort((a, b) =>
      a.day !== b.day
        ? a.day < b.day
          ? -1
          : 1
        : (a.v.session ?? '') !== (b.v.session ?? '')
          ? (a.v.session ?? '') < (b.v.session ?? '')
            ? -1
            : 1
          : (a.v.number ?? 0) - (b.v.number ?? 0),
    )
    .map(({ v, day }) => {
      const o = v.outcome;
      return {
        ticket: v.ticket,
        number: `${v.door ?? ''}${v.number === null ? '' : String(v.number)}`,
        session: v.session ?? '',
        date: day,
        cafe: site(v.site),
        category: kindWords(v, lang),
        ordsCategory: v.category === 0 ? null : v.category,
        brand: v.brand ?? '',
        model: v.model ?? '',
        ageYears: v.ageYears,
        problem: v.problem ?? '',
        outcome: OUTCOME_WORDS[o?.status ?? 'none'][lang],
        nextStep: o?.nextStep ? NEXT_STEP_WORDS[o.nextStep][lang] : '',
        barrier: o?.barrier ? (BARRIER_WORDS[o.barrier - 1]?.[lang] ?? '') : '',
        fault: o?.fault ?? '',
        solution: o?.solution ?? '',
        minutes: o?.minutes ?? null,
        weightKg: v.weightKg,
        fixer: o?.fixer ?? '',
      };
    });
}

let numberFormat: Intl.NumberFormat | undefined;
const cellText = (value: Value): string =>
  value === null
    ? ''
    : typeof value === 'number'
      ? (numberFormat ??= new Intl.NumberFormat('nl-BE', {
          useGrouping: false,
          maximumFractionDigits: 3,
        })).format(value)
      : value;

/** The café days of the filter as Belgian-Excel CSV. */
export function cafeSessionsCsv(
  sessions: readonly SessionState[],
  visits: readonly VisitState[],
  filter: CafeFilter,
  options: CafeExportOptions = {},
): string {
  const lang = options.lang ?? 'nl';
  return belgianCsv(
    SESSION_KEYS.map((k) => SESSION_COLUMNS[k][lang]),
    sessionValues(sessions, visits, filter, options).map((row) =>
      SESSION_KEYS.map((k) => cellText(row[k])),
    ),
  );
}

/** The visits of the filter with their outcome as Belgian-Excel CSV (no contact data). */
export function cafeVisitsCsv(
  visits: readonly VisitState[],
  sessions: readonly SessionState[],
  filter: CafeFilter,
  options: CafeExportOptions = {},
): string {
  const lang = options.lang ?? 'nl';
  return belgianCsv(
    VISIT_KEYS.map((k) => VISIT_COLUMNS[k][lang]),
    visitValues(visits, sessions, filter, options).map((row) =>
      VISIT_KEYS.map((k) => cellText(row[k])),
    ),
  );
}

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const DATE = 'dd/mm/yyyy';
const cell = (value: Value, key?: string): Cell => {
  if (value === null) return null;
  if (typeof value === 'number') return { value, type: Number };
  if (key === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return { value: new Date(`${value}T00:00:00Z`), type: Date, format: DATE };
  // Text format: a fault such as "1/2" or "=…" is no date or formula.
  return { value, type: String, format: '@' };
};

export const CAFE_FIGURE_LABELS = {
  sessions: w('Cafédagen', 'Séances', 'Sessions'),
  visits: w('Bezoeken (toestellen)', 'Visites (objets)', 'Visits (items)'),
  unpowered: w('waarvan zonder stroom', 'dont sans courant', 'of which unpowered'),
  outcomes: w('Met uitkomst', 'Avec résultat', 'With an outcome'),
  fixed: w('Hersteld', 'Réparés', 'Fixed'),
  repairable: w('Herstelbaar', 'Réparables', 'Repairable'),
  endOfLife: w('Einde levensduur', 'Fin de vie', 'End of life'),
  co2e: w('Vermeden CO2e (kg)', 'CO2e évité (kg)', 'CO2e prevented (kg)'),
  waste: w('Vermeden afval (kg)', 'Déchets évités (kg)', 'Waste prevented (kg)'),
  unweighed: w(
    'Hersteld zonder gewicht (niet meegeteld)',
    'Réparés sans poids (non comptés)',
    'Fixed without a weight (not counted)',
  ),
  volunteers: w('Vrijwilligers', 'Bénévoles', 'Volunteers'),
  volunteerHours: w('Vrijwilligersuren', 'Heures de bénévolat', 'Volunteer hours'),
  fixerMinutes: w('Herstelminuten', 'Minutes de réparation', 'Repair minutes'),
  noBarrier: w(
    'Einde levensduur zonder barrière',
    'Fin de vie sans obstacle',
    'End of life, no barrier',
  ),
  share: w('Aandeel', 'Part', 'Share'),
  count: w('Aantal', 'Nombre', 'Count'),
  figure: w('Cijfer', 'Chiffre', 'Figure'),
  kinds: w('Meest gebrachte soorten', 'Types les plus apportés', 'Kinds brought most'),
} as const satisfies Record<string, Words>;

function figureRows(f: CafeFigures, lang: Lang): Row[] {
  const L = CAFE_FIGURE_LABELS;
  const pct = (share: number | null): Cell =>
    share === null
      ? null
      : { value: Math.round(share * 1000) / 1000, type: Number, format: '0.0%' };
  const kg = (value: number): Cell => ({ value, type: Number, format: '0.000' });
  return [
    [bold(L.figure[lang]), bold(L.count[lang]), bold(L.share[lang])],
    [L.sessions[lang], f.sessions],
    [L.visits[lang], f.visits],
    [L.unpowered[lang], f.unpowered],
    [L.outcomes[lang], f.outcomes],
    [L.fixed[lang], f.fixed.count, pct(f.fixed.share)],
    [L.repairable[lang], f.repairable.count, pct(f.repairable.share)],
    [L.endOfLife[lang], f.endOfLife.count, pct(f.endOfLife.share)],
    ...f.barriers.map((count, i): Row => [`  ${BARRIER_WORDS[i]?.[lang] ?? ''}`, count]),
    [`  ${L.noBarrier[lang]}`, f.noBarrier],
    [L.co2e[lang], kg(f.co2eAvoidedKg)],
    [L.waste[lang], kg(f.wasteAvoidedKg)],
    [L.unweighed[lang], f.fixedUnweighed],
    [L.volunteers[lang], f.volunteers],
    [L.volunteerHours[lang], f.volunteerHours],
    [L.fixerMinutes[lang], f.fixerMinutes],
    [],
    [bold(L.kinds[lang]), bold(L.count[lang])],
    ...f.topKinds.map((k): Row => [kindWords(k, lang), k.count]),
  ];
}

/** The café sheets of the XLSX export: figures (with the café method), sessions, visits. Empty
 * when the period holds no café day, so a pilot without cafés gets its workbook unchanged. */
export function cafeXlsxSheets(
  visits: readonly VisitState[],
  sessions: readonly SessionState[],
  filter: CafeFilter,
  options: CafeExportOptions = {},
): Sheet<never>[] {
  const lang = options.lang ?? 'nl';
  const sessionRows = sessionValues(sessions, visits, filter, options);
  const visitRows = visitValues(visits, sessions, filter, options);
  if (sessionRows.length === 0 && visitRows.length === 0) return [];
  const f = cafeFigures(visits, sessions, filter);
  const method = [...cafeMethodLines(lang), ...methodLines(lang).slice(-3)];
  return [
    {
      sheet: CAFE_SHEETS.figures[lang],
      data: [...figureRows(f, lang), [], ...method.map((line): Row => [line])],
      columns: [{ width: 40 }, { width: 12 }, { width: 12 }],
    },
    {
      sheet: CAFE_SHEETS.sessions[lang],
      data: [
        SESSION_KEYS.map((k) => bold(SESSION_COLUMNS[k][lang])),
        ...sessionRows.map((row): Row => SESSION_KEYS.map((k) => cell(row[k], k))),
      ],
      stickyRowsCount: 1,
    },
    {
      sheet: CAFE_SHEETS.visits[lang],
      data: [
        VISIT_KEYS.map((k) => bold(VISIT_COLUMNS[k][lang])),
        ...visitRows.map((row): Row => VISIT_KEYS.map((k) => cell(row[k], k))),
      ],
      stickyRowsCount: 1,
    },
  ];
}
