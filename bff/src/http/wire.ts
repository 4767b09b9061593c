/**
 * A value as it crosses the wire: what JSON.stringify makes of it (dates become ISO strings). The
 * mini-program imports the BFF's answer types through this, type-only, so they are never copied by
 * hand and cost zero bytes in its bundle.
 */
export type Wire<T> =
  T extends JsonText<infer J>
    ? J
    : T extends Date
      ? string
      : T extends { toJSON(): infer J }
        ? J
        : T extends (infer U)[]
          ? Wire<U>[]
          : T extends object
            ? { [K in keyof T]: Wire<T[K]> }
            : T;

/**
 * An answer already serialised — a hot list assembled from UTF-8 JSON fragments cached with it — that
 * the route sends as it is (`ctx.type = 'json'; ctx.body = answer.bytes`); typed as the JSON it holds.
 * Bytes rather than a string: Koa and Node would otherwise measure and encode the text on every send.
 */
export class JsonText<T> {
  declare readonly shape: T;
  constructor(readonly bytes: Buffer) {}
}
