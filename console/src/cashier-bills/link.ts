/** The link to a unit's bills with history (房屋账单), from the counter, the arrears or a refund. */
export const unitLink = (unitId: string, label: string) =>
  `#/unit-bills?${new URLSearchParams({ unit: unitId, label })}`;
