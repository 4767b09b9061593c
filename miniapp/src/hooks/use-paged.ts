import { useCallback, useRef, useState } from 'react';
import { useRequest } from './use-request';

/** One page of a long list, as every paged BFF endpoint answers it (keyset cursor and the total). */
export type Page<T> = { items: T[]; total: number; nextCursor: string | null };

/**
 * A long list loaded page by page: the first page through useRequest (loading / error / empty /
 * reload), further pages appended by loadMore. A reload starts again from the first page.
 */
export function usePaged<T>(loadPage: (cursor: string | undefined) => Promise<Page<T>>, deps: unknown[]) {
  const [more, setMore] = useState<{ items: T[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const first = useRequest(
    () => {
      generation.current += 1;
      setMore(null);
      return loadPage(undefined);
    },
    deps,
    (p) => p.items.length === 0,
  );
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    const ticket = generation.current;
    setLoadingMore(true);
    try {
      const page = await loadPage(nextCursor);
      if (ticket !== generation.current) return; // a reload started meanwhile: this page is stale
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } finally {
      setLoadingMore(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nextCursor, loadingMore, ...deps]);

  return { ...first, items, total: first.data?.total ?? 0, hasMore: nextCursor !== null, loadingMore, loadMore };
}
