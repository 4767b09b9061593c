import { useMemo } from 'react';
import type { SortInfo } from 'tdesign-react';
import { go, type Route } from '../route';

/**
 * A screen's filters, sort, page and open item, all in the URL (#26): a reload or a shared link keeps
 * them. `set` changes some and keeps the rest; `page`/`size` default to 1/20 and are left out then.
 */
export function useUrlState(route: Route) {
  const p = route.params;
  const sortParam = p.get('sort') ?? '';
  const sort = useMemo<SortInfo | undefined>(() => {
    const [sortBy, dir] = sortParam.split(':');
    return sortBy ? { sortBy, descending: dir === 'desc' } : undefined;
  }, [sortParam]);
  const set = (changes: Record<string, string | number | undefined>) =>
    go(route.path, { ...Object.fromEntries(p), ...changes });
  return {
    get: (k: string) => p.get(k) ?? '',
    page: Number(p.get('page') ?? 1),
    size: Number(p.get('size') ?? 20),
    sort,
    set,
  };
}

/** The rows of a page in the order a column's sorter asks for (numbers and dates as such, text in pinyin order). */
export function sortRows<T>(rows: T[], sort: SortInfo | undefined, value?: (row: T, key: string) => unknown): T[] {
  if (!sort) return rows;
  const read = value ?? ((row: T, key: string) => (row as Record<string, unknown>)[key]);
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = read(a, sort.sortBy);
    const y = read(b, sort.sortBy);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x ?? '').localeCompare(String(y ?? ''), 'zh-CN', { numeric: true });
  });
}
