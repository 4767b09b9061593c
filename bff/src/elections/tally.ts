/**
 * The count of an owners' vote, exactly as the Civil Code says (docs/domain.md §5; art. 278, the Supreme
 * People's Court's 2020 interpretation arts. 8–9): a pure function of the roster frozen at opening,
 * the ballots and the rules — no database, no clock — so anyone can re-run it (`npm run tally`).
 *
 * Areas are exact decimals ("90.12"): they are read into integers of a common scale and compared by
 * integer cross-multiplication, never as floats.
 */

export type TallyClass = 'ordinary' | 'special';

export type TallyInput = {
  seats: number;
  class: TallyClass;
  /** Candidate ids (an assembly matter is one candidate, "yes", that passes or not). */
  candidates: string[];
  /** One entry per unit: its exclusive area, its owner of record (one key per set of owners of record: a person alone, or the same people jointly), developer-held units marked; `delivered`: the ballot was provably delivered to its owner. */
  roster: { unit: string; area: string; owner: string; developerHeld?: boolean; delivered?: boolean }[];
  /** One per owner key: the candidates they marked (at most `seats`); none is a valid ballot that abstains. */
  ballots: { owner: string; choices: string[] }[];
  /**
   * The two clauses a community's rules of procedure may contain (docs/domain.md §5; off unless given):
   * owners whose ballot was delivered and who did not return it count as taking part, and/or follow
   * the majority of those who voted. When one is on, the result carries `adjusted` beside the raw count.
   */
  rules?: { deliveredCounts?: boolean; silenceFollows?: boolean };
};

export type TallyResult = {
  quorum: boolean;
  totalArea: string;
  totalHeads: number;
  participatingArea: string;
  participatingHeads: number;
  candidates: Record<string, { area: string; heads: number; passes: boolean }>;
  elected: string[];
  runoff: string[];
  vacant: number;
  /**
   * Every ballot not counted as cast, in the export's order (docs/domain.md §5, Counting bad ballots):
   * set aside (`tookPart: false` — a second ballot of a head, an owner not on the roster) or void for
   * the candidates while its owner took part (`tookPart: true`).
   */
  rejected: { owner: string; reason: RejectReason; tookPart: boolean }[];
  /** The count with the clauses applied (only when the rules contain one), reported separately. */
  adjusted?: Omit<TallyResult, 'adjusted'> & { silentOwners: number };
};

export type RejectReason =
  'SECOND_BALLOT' | 'NOT_ON_ROSTER' | 'VOID_OVER_SEATS' | 'VOID_UNKNOWN_CANDIDATE' | 'VOID_MARKED_TWICE';

export class TallyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TallyError';
  }
}

/** All developer-held units are one owner (docs/domain.md §5), whatever keys the roster gives them. */
export const DEVELOPER = '__developer__';
const AREA = /^\d+(\.\d+)?$/;

/** Decimal strings → integers at the largest scale among them, and back. */
function scaleOf(areas: string[]): number {
  return Math.max(0, ...areas.map((a) => (a.split('.')[1] ?? '').length));
}
const toUnits = (area: string, scale: number): bigint => {
  const [whole, frac = ''] = area.split('.');
  return BigInt(whole! + frac.padEnd(scale, '0'));
};
export function fromUnits(n: bigint, scale: number): string {
  if (scale === 0) return n.toString();
  const s = n.toString().padStart(scale + 1, '0');
  return `${s.slice(0, -scale)}.${s.slice(-scale)}`;
}

/** The double majority of a class: strictly more than half, or at least three quarters, of area AND heads. */
function clears(cls: TallyClass, area: bigint, heads: number, partArea: bigint, partHeads: number): boolean {
  if (cls === 'ordinary') return area * 2n > partArea && heads * 2 > partHeads;
  return area * 4n >= partArea * 3n && heads * 4 >= partHeads * 3;
}

export function tally(input: TallyInput): TallyResult {
  const raw = count(input);
  const rules = input.rules ?? {};
  if (!rules.deliveredCounts && !rules.silenceFollows) return raw;
  // Owners with a delivered ballot who returned none (whatever key their units carry, as the count groups them).
  const developerKeys = new Set(input.roster.filter((r) => r.developerHeld).map((r) => r.owner));
  const keyOf = (owner: string) => (developerKeys.has(owner) ? DEVELOPER : owner);
  const voted = new Set(input.ballots.map((b) => keyOf(b.owner)));
  const silent = new Set(
    input.roster
      .filter((r) => r.delivered)
      .map((r) => (r.developerHeld ? DEVELOPER : r.owner))
      .filter((k) => !voted.has(k)),
  );
  // "Silence follows the majority": the candidates a majority of those who voted chose (by area and by heads), at most the seats, best first.
  const majority = rules.silenceFollows
    ? input.candidates
        .filter(
          (c) =>
            raw.candidates[c]!.heads * 2 > raw.participatingHeads &&
            areaOver(raw.candidates[c]!.area, raw.participatingArea),
        )
        .sort(
          (a, b) =>
            raw.candidates[b]!.heads - raw.candidates[a]!.heads ||
            compareDecimal(raw.candidates[b]!.area, raw.candidates[a]!.area),
        )
        .slice(0, input.seats)
    : [];
  const developerOwner = input.roster.find((r) => r.developerHeld)?.owner;
  const added = [...silent].map((k) => ({ owner: k === DEVELOPER ? developerOwner! : k, choices: majority }));
  const adjusted = count({ ...input, ballots: [...input.ballots, ...added] });
  return { ...raw, adjusted: { ...adjusted, silentOwners: silent.size } };
}

/** a·2 > b for decimal strings (exact). */
function areaOver(a: string, b: string): boolean {
  const scale = scaleOf([a, b]);
  return toUnits(a, scale) * 2n > toUnits(b, scale);
}
function compareDecimal(a: string, b: string): number {
  const scale = scaleOf([a, b]);
  const x = toUnits(a, scale);
  const y = toUnits(b, scale);
  return x === y ? 0 : x > y ? 1 : -1;
}

function count(input: TallyInput): TallyResult {
  if (!Number.isInteger(input.seats) || input.seats < 1) throw new TallyError('seats must be a positive integer');
  if (input.class !== 'ordinary' && input.class !== 'special')
    throw new TallyError('class must be "ordinary" or "special"');
  const candidates = new Set(input.candidates);
  if (candidates.size !== input.candidates.length) throw new TallyError('candidate ids must be unique');
  for (const r of input.roster)
    if (!AREA.test(r.area)) throw new TallyError(`unit ${r.unit}: area "${r.area}" is not a decimal`);
  const units = new Set(input.roster.map((r) => r.unit));
  if (units.size !== input.roster.length) throw new TallyError('a unit appears twice in the roster');

  const scale = scaleOf(input.roster.map((r) => r.area));
  // Owners: heads, each with the area of all their units.
  const areaOf = new Map<string, bigint>();
  for (const r of input.roster) {
    const key = r.developerHeld ? DEVELOPER : r.owner;
    areaOf.set(key, (areaOf.get(key) ?? 0n) + toUnits(r.area, scale));
  }
  const totalArea = [...areaOf.values()].reduce((s, a) => s + a, 0n);
  const totalHeads = areaOf.size;
  const developerKeys = new Set(input.roster.filter((r) => r.developerHeld).map((r) => r.owner));

  // docs/domain.md §5, Counting bad ballots: one bad ballot never stops the count. The first ballot of
  // each head counts; the rest are set aside, and a ballot the count cannot read is void for the
  // candidates while its owner still took part. Each is listed with its reason.
  const voted = new Map<string, string[]>();
  const rejected: TallyResult['rejected'] = [];
  for (const b of input.ballots) {
    const key = developerKeys.has(b.owner) ? DEVELOPER : b.owner;
    if (!areaOf.has(key)) {
      rejected.push({ owner: b.owner, reason: 'NOT_ON_ROSTER', tookPart: false });
      continue;
    }
    if (voted.has(key)) {
      rejected.push({ owner: b.owner, reason: 'SECOND_BALLOT', tookPart: false });
      continue;
    }
    const reason = voidReason(b.choices, input.seats, candidates);
    if (reason) rejected.push({ owner: b.owner, reason, tookPart: true });
    voted.set(key, reason ? [] : b.choices);
  }
  const partHeads = voted.size;
  const partArea = [...voted.keys()].reduce((s, k) => s + areaOf.get(k)!, 0n);
  const quorum = partArea * 3n >= totalArea * 2n && partHeads * 3 >= totalHeads * 2;

  const votes = new Map(input.candidates.map((c) => [c, { area: 0n, heads: 0 }]));
  for (const [key, choices] of voted) {
    for (const c of choices) {
      const v = votes.get(c)!;
      v.area += areaOf.get(key)!;
      v.heads += 1;
    }
  }
  // Nothing passes with nobody taking part (docs/domain.md §5), even where 0 ≥ ¾·0 would say so.
  const passes = (c: string) =>
    quorum && partHeads > 0 && clears(input.class, votes.get(c)!.area, votes.get(c)!.heads, partArea, partHeads);

  // Seats among those passing: heads first, then area; a full tie across the last seat goes to a run-off.
  const passing = input.candidates.filter(passes).sort((a, b) => compare(votes.get(b)!, votes.get(a)!));
  let elected = passing.slice(0, input.seats);
  let runoff: string[] = [];
  if (passing.length > input.seats) {
    const last = votes.get(passing[input.seats - 1]!)!;
    const tied = passing.filter((c) => compare(votes.get(c)!, last) === 0);
    if (tied.some((c) => !elected.includes(c))) {
      runoff = tied;
      elected = elected.filter((c) => !tied.includes(c));
    }
  }
  return {
    quorum,
    totalArea: fromUnits(totalArea, scale),
    totalHeads,
    participatingArea: fromUnits(partArea, scale),
    participatingHeads: partHeads,
    candidates: Object.fromEntries(
      input.candidates.map((c) => [
        c,
        { area: fromUnits(votes.get(c)!.area, scale), heads: votes.get(c)!.heads, passes: passes(c) },
      ]),
    ),
    elected,
    runoff,
    vacant: Math.max(0, input.seats - passing.length),
    rejected,
  };
}

/** Why a ballot is void for the candidates (its owner still took part), or null if it counts as marked. */
function voidReason(choices: string[], seats: number, candidates: Set<string>): RejectReason | null {
  const marked = new Set(choices);
  if (marked.size !== choices.length) return 'VOID_MARKED_TWICE';
  if (marked.size > seats) return 'VOID_OVER_SEATS';
  if ([...marked].some((c) => !candidates.has(c))) return 'VOID_UNKNOWN_CANDIDATE';
  return null;
}

function compare(a: { area: bigint; heads: number }, b: { area: bigint; heads: number }): number {
  if (a.heads !== b.heads) return a.heads - b.heads;
  return a.area === b.area ? 0 : a.area > b.area ? 1 : -1;
}
