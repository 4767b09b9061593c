import { useCallback, useEffect, useRef, useState } from 'react';

export type RequestState<T> = {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** Loaded, no error, and nothing to show. */
  empty: boolean;
  reload: () => Promise<void>;
};

/**
 * Loads data for a page and tracks loading / error / empty. A response that arrives after a newer
 * load started (deps changed, or reload) is dropped, so a slow old answer never overwrites a new one.
 */
export function useRequest<T>(
  load: () => Promise<T>,
  deps: unknown[],
  isEmpty: (data: T) => boolean = () => false,
): RequestState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const isEmptyRef = useRef(isEmpty);
  isEmptyRef.current = isEmpty;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    setError(undefined);
    try {
      const result = await loadRef.current();
      if (ticket === latest.current) setData(result);
    } catch (err) {
      if (ticket === latest.current) setError(err as Error);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const empty = !loading && !error && data !== undefined && isEmptyRef.current(data);
  return { data, error, loading, empty, reload };
}

/** Runs an action (a submit, an approval) once at a time and remembers its error. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error>();
  const busy = useRef(false);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (busy.current) return undefined; // a double tap must not submit twice
      busy.current = true;
      setRunning(true);
      setError(undefined);
      try {
        return await action(...args);
      } catch (err) {
        setError(err as Error);
        return undefined;
      } finally {
        busy.current = false;
        setRunning(false);
      }
    },
    [action],
  );
  return { run, running, error };
}
