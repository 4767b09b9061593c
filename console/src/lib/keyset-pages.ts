import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';

export type KeysetPage<T> = { items: T[]; nextCursor: string | null; total: number };

/**
 * Page `page` of a keyset-paged BFF list (docs/console.md §Tables): the cursors of pages already seen
 * are kept, so going forward or back costs one request; a jump ahead walks the pages in between.
 * `key` names the query (filters, size): a new key forgets the cursors.
 */
export function useKeysetPage<T>(
  key: string,
  page: number,
  size: number,
  fetchPage: (cursor: string | undefined, limit: number) => Promise<KeysetPage<T>>,
) {
  const cursors = useRef<{ key: string; at: (string | undefined)[] }>({ key: '', at: [] });
  const [data, setData] = useState<{ rows: T[]; total: number }>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    if (cursors.current.key !== key) cursors.current = { key, at: [undefined] };
    const at = cursors.current.at;
    setLoading(true);
    setError(undefined);
    (async () => {
      let from = Math.min(page, at.length);
      while (from > 1 && at[from - 1] === undefined) from -= 1;
      let r = await fetchPage(at[from - 1], size);
      for (let p = from; p < page && r.nextCursor; p += 1) {
        at[p] = r.nextCursor;
        r = await fetchPage(r.nextCursor, size);
      }
      if (r.nextCursor) at[page] = r.nextCursor;
      if (live) setData({ rows: r.items, total: r.total });
    })()
      .catch((e: Error) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key names every input of fetchPage
  }, [key, page, size, tick]);
  const reload = useCallback(() => {
    cursors.current = { key: '', at: [] };
    setTick((t) => t + 1);
  }, []);
  const rows = data?.rows ?? [];
  const total = data?.total ?? 0;
  /** What DataTable takes from a list, to spread: `<DataTable {...list.table} … />` (rows undefined until the first answer). */
  const table = { rows: data?.rows, total, loading, error, retry: reload };
  return { rows, total, loading, error, reload, table };
}

/**
 * `useKeysetPage` over a BFF list path (`base`, with its filters): pages are `?limit=&cursor=` of it.
 * The path and the size name the query.
 */
export function useKeysetList<T>(base: string, page: number, size: number) {
  return useKeysetPage<T>(`${base}|${size}`, page, size, (cursor, limit) =>
    api.get<KeysetPage<T>>(
      `${base}${base.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  );
}
