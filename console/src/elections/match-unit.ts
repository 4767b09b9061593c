/**
 * The roster unit(s) a typed query names, as the counter reads units (docs/console.md §Counter):
 * `3-602`, `3-1-602` or `3号楼602` → 3号楼 602 (the entrance part is accepted and not matched);
 * anything else is a part of the unit's label ("602", "3号楼").
 */
export function matchUnits<T extends { unit: string }>(units: T[], query: string): T[] {
  const q = query.replace(/\s/g, '');
  if (!q) return [];
  const squash = (label: string) => label.replace(/\s/g, '');
  const parts = /^(\d+)(?:号楼|-)(?:\d+-)?(\d+)$/.exec(q);
  if (parts) {
    const exact = units.filter((u) => squash(u.unit) === `${parts[1]}号楼${parts[2]}`);
    if (exact.length > 0) return exact;
  }
  return units.filter((u) => squash(u.unit).includes(q));
}
