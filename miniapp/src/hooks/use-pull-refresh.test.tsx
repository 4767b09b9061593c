// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { usePullRefresh } from './use-pull-refresh';

/** Taro's page hook stood in for: the test pulls down by calling what the page registered. */
const taro = vi.hoisted(() => ({ pull: undefined as undefined | (() => Promise<void>), stopped: 0 }));
vi.mock('@tarojs/taro', () => ({
  default: { stopPullDownRefresh: () => void (taro.stopped += 1) },
  usePullDownRefresh: (fn: () => Promise<void>) => void (taro.pull = fn),
}));

function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

beforeEach(() => {
  taro.pull = undefined;
  taro.stopped = 0;
});

describe('usePullRefresh', () => {
  it('stops the spinner only once every reload has finished', async () => {
    const a = deferred();
    const b = deferred();
    renderHook(() =>
      usePullRefresh(
        () => a.promise,
        () => b.promise,
      ),
    );
    const pulled = taro.pull!();
    a.resolve();
    await Promise.resolve();
    expect(taro.stopped).toBe(0);
    b.resolve();
    await pulled;
    expect(taro.stopped).toBe(1);
  });

  it('stops the spinner when a reload fails', async () => {
    renderHook(() => usePullRefresh(() => Promise.reject(new Error('网络异常'))));
    await expect(taro.pull!()).rejects.toThrow('网络异常');
    expect(taro.stopped).toBe(1);
  });

  it('takes a reload that answers at once', async () => {
    let runs = 0;
    renderHook(() => usePullRefresh(() => void (runs += 1)));
    await taro.pull!();
    expect({ runs, stopped: taro.stopped }).toEqual({ runs: 1, stopped: 1 });
  });
});
