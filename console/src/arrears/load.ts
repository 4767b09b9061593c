import type { ArrearsPage } from '../../../bff/src/api-types';
import { api } from '../api';

export type Row = ArrearsPage['items'][number];
/** The page size meaning "every row", virtually scrolled. */
export const ALL = 10_000;

/** One page of the arrears list, or with ALL every page in turn (100 rows per request, the BFF's maximum). */
export async function loadArrears(
  communityId: string,
  filters: { buildingId: string; minMonths: string },
  size: number,
  page: number,
) {
  const base = `/api/staff/communities/${communityId}/arrears?minMonths=${filters.minMonths}${
    filters.buildingId ? `&buildingId=${filters.buildingId}` : ''
  }`;
  if (size !== ALL) {
    const r = await api.get<ArrearsPage>(`${base}&limit=${size}&cursor=${(page - 1) * size}`);
    return { rows: r.items, total: r.total };
  }
  const rows: Row[] = [];
  let cursor: string | null = '0';
  let total = 0;
  while (cursor !== null && rows.length < ALL) {
    const r: ArrearsPage = await api.get<ArrearsPage>(`${base}&limit=100&cursor=${cursor}`);
    rows.push(...r.items);
    total = r.total;
    cursor = r.nextCursor;
  }
  return { rows, total };
}
