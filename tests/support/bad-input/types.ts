import type { makeCommunity } from '../factories/index.js';

/** One malformed request and the 4xx it must get (400 unless said). */
export type BadInputCase = { path: string; body?: unknown; raw?: string; contentType?: string; expect?: number };

export type BadInputContext = { uuid: string; site: Awaited<ReturnType<typeof makeCommunity>> };

/** A module's cases, keyed `METHOD /route/:param` as its router declares the route. */
export type BadInputCases = (ctx: BadInputContext) => Record<string, BadInputCase[]>;
