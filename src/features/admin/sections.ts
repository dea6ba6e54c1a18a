// The administration's sections, in the order of its tabs, with their address-bar words.
export const ADMIN_SECTIONS = ['sites', 'people', 'devices', 'labels', 'lookup', 'audit'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export const SECTION_SLUGS: Record<AdminSection, string> = {
  sites: 'plaatsen',
  people: 'mensen',
  devices: 'toestellen',
  labels: 'labels',
  lookup: 'zoeken',
  audit: 'logboek',
};
