// The administration's sections, in the order of its tabs, with their address-bar words.
export const ADMIN_SECTIONS = [
  'sites',
  'people',
  'devices',
  'labels',
  'lookup',
  'audit',
  'regions',
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export const SECTION_SLUGS: Record<AdminSection, string> = {
  sites: 'plaatsen',
  people: 'mensen',
  devices: 'toestellen',
  labels: 'labels',
  lookup: 'zoeken',
  audit: 'logboek',
  regions: 'regios',
};

/** Sections only an admin may open: the server refuses them to coordinators, so they do not
 * see the tab at all. */
const ADMIN_ONLY: ReadonlySet<AdminSection> = new Set(['regions']);

/** Whether a person with this role may open the section. */
export function mayOpenSection(section: AdminSection, role: string): boolean {
  return role === 'admin' || !ADMIN_ONLY.has(section);
}

/** The tabs a person with this role sees, in order. */
export function sectionsFor(role: string): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => mayOpenSection(section, role));
}
