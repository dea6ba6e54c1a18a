// The hub's figures across the regions a signed-in person is granted (GET /figures/regions) and
// the export files the server makes over them (`regions=all` or `region=<id>`). Online only; the
// figures of the region this browser holds are computed on it, offline too. Wire format only.
import type { FigureFilter, Figures, Lang } from '../domain';
import type { Api } from './api';

export interface RegionFigures {
  id: string;
  name: string;
  figures: Figures;
}

/** Each region's figures and the figures of all of them together. */
export interface FiguresByRegion {
  regions: RegionFigures[];
  total: Figures;
}

export type ServerExportFile = 'ords.csv' | 'items.csv' | 'items.xlsx' | 'trace.csv';

/** The query of a request over regions: the period and category (a site belongs to one region,
 * so there is none), and one region or all of them. */
export function regionsQuery(
  filter: FigureFilter,
  region: string | null,
  extra: Record<string, string> = {},
): string {
  const query = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.category !== undefined) query.set('category', String(filter.category));
  if (region !== null) query.set('region', region);
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}

export function figuresApi(api: Api) {
  return {
    /** The figures of each region (or only `region`) and their total. */
    byRegion: (filter: FigureFilter, region: string | null) =>
      api.json<FiguresByRegion>(`/figures/regions?${regionsQuery(filter, region)}`),
    /** An export file over the regions (all, or only `region`), each row naming its region. */
    exportFile: (
      file: ServerExportFile,
      filter: FigureFilter,
      region: string | null,
      lang: Lang,
      onAnswer?: () => void,
    ) => {
      const scope: Record<string, string> = region === null ? { regions: 'all' } : {};
      const query = regionsQuery(filter, region, { lang, ...scope });
      return api.file(`/exports/${file}?${query}`, onAnswer);
    },
  };
}

export type FiguresApi = ReturnType<typeof figuresApi>;
