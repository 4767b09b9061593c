// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAction, useRequest } from './use-request';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('useRequest', () => {
  it('goes loading → data, and reports empty by the given rule', async () => {
    const d = deferred<number[]>();
    const { result } = renderHook(() =>
      useRequest(
        () => d.promise,
        [],
        (l) => l.length === 0,
      ),
    );
    expect(result.current).toMatchObject({ loading: true, empty: false, data: undefined });
    await act(async () => d.resolve([]));
    expect(result.current).toMatchObject({ loading: false, empty: true, data: [] });
  });

  it('keeps the error and clears it on a successful reload', async () => {
    let fail = true;
    const { result } = renderHook(() =>
      useRequest(() => (fail ? Promise.reject(new Error('网络异常')) : Promise.resolve('ok')), []),
    );
    await waitFor(() => expect(result.current.error?.message).toBe('网络异常'));
    fail = false;
    await act(() => result.current.reload());
    expect(result.current).toMatchObject({ error: undefined, data: 'ok', loading: false });
  });

  it('drops an old answer that arrives after a newer one', async () => {
    const calls: ReturnType<typeof deferred<string>>[] = [];
    const { result, rerender } = renderHook(
      ({ id }) => useRequest(() => (calls.push(deferred<string>()), calls.at(-1)!.promise), [id]),
      { initialProps: { id: 'a' } },
    );
    rerender({ id: 'b' });
    await act(async () => calls[1]!.resolve('new'));
    await act(async () => calls[0]!.resolve('old'));
    expect(result.current.data).toBe('new');
  });
});

describe('useAction', () => {
  it('ignores a second tap while the first is running', async () => {
    let runs = 0;
    const d = deferred<void>();
    const { result } = renderHook(() => useAction(async () => (runs++, d.promise)));
    let first!: Promise<unknown>;
    act(() => {
      first = result.current.run();
      void result.current.run();
    });
    expect(result.current.running).toBe(true);
    await act(async () => (d.resolve(), first));
    expect(runs).toBe(1);
    expect(result.current.running).toBe(false);
  });
});
