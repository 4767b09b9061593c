import { useEffect, useState } from 'react';

/** Hash routes (`#/counter`, `#/arrears?minMonths=3`): filters live in the URL, so a reload keeps them. */
export type Route = { path: string; params: URLSearchParams };

function read(): Route {
  const [path, query] = (location.hash.replace(/^#/, '') || '/counter').split('?');
  return { path: path || '/counter', params: new URLSearchParams(query ?? '') };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const on = () => setRoute(read());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function go(path: string, params?: Record<string, string | number | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  location.hash = s ? `${path}?${s}` : path;
}
