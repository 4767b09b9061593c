import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';

export type KeysetPage<T> = { total: number; nextCursor: string | null; items: T[] };

/**
 * Page N of a keyset-paged BFF list (`?limit=&cursor=`), with its total (#26: paging with a total,
 * keyset underneath). The cursors of pages already seen are kept per query, so the next and previous
 * pages are one request; a jump ahead walks the pages between once.
 */
export function useKeysetPage<T, P extends KeysetPage<T> = KeysetPage<T>>(base: string, page: number, size: number) {
  const cursors = useRef(new Map<string, (string | undefined)[]>());
  const [data, setData] = useState<P>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    const key = `${base}|${size}`;
    const known = cursors.current.get(key) ?? [undefined];
    cursors.current.set(key, known);
    const url = (cursor: string | undefined) =>
      `${base}${base.includes('?') ? '&' : '?'}limit=${size}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    (async () => {
      let at = Math.min(page, known.length) - 1; // the last page whose cursor is known
      let answer = await api.get<P>(url(known[at]));
      while (at < page - 1 && answer.nextCursor) {
        known[++at] = answer.nextCursor;
        answer = await api.get<P>(url(known[at]));
      }
      if (answer.nextCursor) known[at + 1] = answer.nextCursor;
      return answer;
    })().then(
      (d) => live && (setData(d), setError(undefined)),
      (e: Error) => live && setError(e),
    );
    setLoading(true);
    return () => {
      live = false;
    };
  }, [base, page, size, tick]);
  useEffect(() => setLoading(false), [data, error]);

  const reload = useCallback(() => {
    cursors.current.clear();
    setTick((t) => t + 1);
  }, []);
  return { data, error, loading, reload };
}

/** What a DataTable needs from a keyset list: its rows, total and states. */
export const tableOf = <T, P extends KeysetPage<T>>(list: ReturnType<typeof useKeysetPage<T, P>>) => ({
  rows: list.data?.items,
  total: list.data?.total,
  loading: list.loading,
  error: list.error,
  retry: list.reload,
});
