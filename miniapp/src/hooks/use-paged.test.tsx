// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePaged, type Page } from './use-paged';

/** A list of 5 served 2 at a time, as the BFF's keyset paging does. */
function server(all = ['a', 'b', 'c', 'd', 'e']) {
  const asked: (string | undefined)[] = [];
  const load = async (cursor: string | undefined): Promise<Page<string>> => {
    asked.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const end = Math.min(start + 2, all.length);
    return { items: all.slice(start, end), total: all.length, nextCursor: end < all.length ? String(end) : null };
  };
  return { asked, load };
}

describe('usePaged', () => {
  it('appends pages until the cursor runs out, with the total from the first page', async () => {
    const s = server();
    const { result } = renderHook(() => usePaged(s.load, []));
    await waitFor(() => expect(result.current.items).toEqual(['a', 'b']));
    expect(result.current).toMatchObject({ total: 5, hasMore: true });
    await act(() => result.current.loadMore());
    await act(() => result.current.loadMore());
    expect(result.current.items).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.current.hasMore).toBe(false);
    await act(() => result.current.loadMore());
    expect(s.asked).toEqual([undefined, '2', '4']);
  });

  it('starts again from the first page on reload', async () => {
    const s = server();
    const { result } = renderHook(() => usePaged(s.load, []));
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    await act(() => result.current.loadMore());
    await act(() => result.current.reload());
    expect(result.current.items).toEqual(['a', 'b']);
    expect(result.current.hasMore).toBe(true);
  });

  it('reports an empty list as empty', async () => {
    const { result } = renderHook(() => usePaged(server([]).load, []));
    await waitFor(() => expect(result.current.empty).toBe(true));
  });
});
