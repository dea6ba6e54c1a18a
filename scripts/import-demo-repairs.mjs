#!/usr/bin/env node
// One-off build tool: copies what the demo season needs from the Repair Connects ORDS records
// (category, brand, Dutch problem text, outcome) into server/demo-data/repairs.json, so the
// product runs without ../shared. Usage: node scripts/import-demo-repairs.mjs [path/to/csv]
// then `npx prettier --write server/demo-data/repairs.json`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2]
  ? resolve(process.argv[2])
  : resolve(repo, '../shared/data/ords/repairconnects-v0.3-202507.csv');
const target = resolve(repo, 'server/demo-data/repairs.json');

const BARRIERS = {
  'Spare parts not available': 1,
  'Spare parts too expensive': 2,
  'No way to open product': 3,
  'Repair information not available': 4,
  'Lack of equipment': 5,
  'Item too worn out': 6,
};
const OUTCOMES = { Fixed: 'fixed', Repairable: 'repairable', 'End of life': 'end-of-life' };

// Dutch, not English, German or French: a few words each language uses all the time.
const DUTCH = /\b(niet|geen|meer|werkt|doet|gaat|kapot|het|een|de|van|en|is|aan|uit|bij|wel)\b/i;
const FOREIGN =
  /\b(the|it|not|doesn't|won't|does|and|with|nicht|ist|und|geht|mehr|kein|ne|pas|le|la|les|fonctionne|marche|plus)\b/i;
const FIRST_PERSON = /\b(ik|mijn|me|mij|we|wij|ons|onze)\b/i;
// Brands that are no brand: "onbekend", "geen idee", "?".
const NO_BRAND = /^(\?+|-+|\.+|x+)$|onbekend|unknown|geen|niet|idee|merk|weet|staat|nvt|n\.v\.t/i;

const text = readFileSync(source, 'utf8');
const { data } = Papa.parse(text, { header: true, skipEmptyLines: true });

// The most common spelling of a brand, case-insensitively ("philips" → "Philips").
const spellings = new Map();
for (const row of data) {
  const brand = row.brand.trim().replace(/\s+/g, ' ');
  const key = brand.toLowerCase();
  const counts = spellings.get(key) ?? new Map();
  counts.set(brand, (counts.get(brand) ?? 0) + 1);
  spellings.set(key, counts);
}
function cleanBrand(raw) {
  const brand = raw.trim().replace(/\s+/g, ' ');
  if (brand === '' || NO_BRAND.test(brand) || brand.length > 20 || brand.split(' ').length > 2) {
    return null;
  }
  const counts = [...spellings.get(brand.toLowerCase()).entries()].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
  const best = counts[0][0];
  return best === best.toLowerCase() ? best.charAt(0).toUpperCase() + best.slice(1) : best;
}

const repairs = [];
const seen = new Set();
for (const row of data) {
  if (row.country !== 'BEL' && row.country !== 'NLD') continue;
  // Some texts hold a literal "\n" where the form had a line break.
  const problem = row.problem.replace(/\\n/g, ' ').trim().replace(/\s+/g, ' ');
  if (problem.length < 8 || problem.length > 120) continue;
  // The owner's story ("ik denk", "mijn dochter") reads oddly as a technician's fault note.
  if (FIRST_PERSON.test(problem)) continue;
  if (!DUTCH.test(problem) || FOREIGN.test(problem)) continue;
  const category = Number(row.product_category_id);
  if (!Number.isInteger(category) || category < 1 || category > 40) continue;
  const outcome = OUTCOMES[row.repair_status];
  if (outcome === undefined) continue;
  const barrier = BARRIERS[row.repair_barrier_if_end_of_life] ?? null;
  const brand = cleanBrand(row.brand);
  const key = `${category}|${brand}|${problem.toLowerCase()}`;
  if (seen.has(key)) continue;
  seen.add(key);
  // Upper-case first letter: the texts become a repair's fault in the workshop's history.
  const fault = problem.charAt(0).toUpperCase() + problem.slice(1);
  repairs.push([category, brand, fault, outcome, barrier]);
}

const out = {
  source:
    'Open Repair Alliance, Open Repair Data (ORDS v0.3, July 2025 release), Repair Connects records: github.com/openrepair/data',
  licence: 'CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)',
  note: 'Selected and trimmed by Bewaar for its demo data (Dutch problem texts from Belgian and Dutch repair cafés; brands normalised). This file is shared under CC BY-SA 4.0.',
  fields: ['category', 'brand', 'problem', 'outcome', 'barrier'],
  repairs,
};
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
console.info(`${repairs.length} repairs → ${target}`);
