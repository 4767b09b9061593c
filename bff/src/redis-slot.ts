/**
 * Redis Cluster's key → hash slot mapping, in our words from the cluster specification
 * (https://redis.io/docs/latest/operate/oss_and_stack/reference/cluster-spec/, "Key distribution model"
 * and "Hash tags"): the slot is CRC16 (XMODEM: polynomial 0x1021, initial value 0) of the key modulo
 * 16384 — of the whole key, unless it holds a `{` followed later by a `}` with at least one character
 * between them: then only of what the first such pair encloses. `{user1000}.following` and
 * `{user1000}.followers` share a slot; `foo{}{bar}` hashes whole, since its first braces are empty.
 *
 * A Lua script, a MULTI and a multi-key command must name keys of a single slot on a cluster (else
 * CROSSSLOT): `assertOneSlot` is what redisScript checks before every call, on any Redis, so a script
 * whose keys would split on a cluster fails in every test that runs it.
 */

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let crc = i << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    t[i] = crc;
  }
  return t;
})();

export function crc16(data: Buffer): number {
  let crc = 0;
  for (const byte of data) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ byte) & 0xff]!;
  return crc;
}

/** The `{…}` part that decides the slot, or null when the whole key does. */
export function hashTag(key: string): string | null {
  const open = key.indexOf('{');
  if (open < 0) return null;
  const close = key.indexOf('}', open + 1);
  if (close <= open + 1) return null;
  return key.slice(open + 1, close);
}

export function keySlot(key: string): number {
  return crc16(Buffer.from(hashTag(key) ?? key)) % 16384;
}

/**
 * Throws unless the keys are bound to one slot by design: one distinct key, or every key with the same
 * hash tag. Keys that merely happen to hash alike are refused too: the client's key prefix comes in
 * front of them, and would move them apart.
 */
export function assertOneSlot(what: string, keys: string[]): void {
  const distinct = [...new Set(keys)];
  if (distinct.length <= 1) return;
  const tags = new Set(distinct.map(hashTag));
  if (tags.size !== 1 || tags.has(null))
    throw new Error(`${what}: keys ${distinct.join(', ')} are not bound to one Redis Cluster slot by a {hash tag}`);
}
