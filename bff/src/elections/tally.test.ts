import { describe, expect, it } from 'vitest';
import { tally, TallyError, type TallyInput } from './tally.js';

/** Worked examples of docs/domain.md §5 with exact expected numbers. */
const unit = (u: string, area: string, owner: string, developerHeld = false) => ({
  unit: u,
  area,
  owner,
  developerHeld,
});
const everyone = (input: Omit<TallyInput, 'ballots'>, choose: Record<string, string[]>) => ({
  ...input,
  ballots: Object.entries(choose).map(([owner, choices]) => ({ owner, choices })),
});

describe('quorum: two thirds of the area AND two thirds of the owners take part', () => {
  const roster = [unit('101', '100.00', 'a'), unit('102', '10.00', 'b'), unit('103', '10.00', 'c')];
  it('met by heads but not by area fails', () => {
    const r = tally(everyone({ seats: 1, class: 'ordinary', candidates: ['x'], roster }, { b: ['x'], c: ['x'] }));
    expect(r).toMatchObject({
      quorum: false,
      totalArea: '120.00',
      totalHeads: 3,
      participatingArea: '20.00',
      participatingHeads: 2,
    });
    expect(r.candidates.x).toEqual({ area: '20.00', heads: 2, passes: false });
    expect(r.elected).toEqual([]);
  });
  it('met by area but not by heads fails', () => {
    const r = tally(everyone({ seats: 1, class: 'ordinary', candidates: ['x'], roster }, { a: ['x'] }));
    expect(r).toMatchObject({ quorum: false, participatingArea: '100.00', participatingHeads: 1 });
  });
  it('exactly two thirds of both is enough ("以上" includes the number)', () => {
    const r = tally(
      everyone(
        {
          seats: 1,
          class: 'ordinary',
          candidates: ['x'],
          roster: [unit('1', '10', 'a'), unit('2', '10', 'b'), unit('3', '10', 'c')],
        },
        { a: ['x'], b: ['x'] },
      ),
    );
    expect(r).toMatchObject({ quorum: true, participatingArea: '20', participatingHeads: 2, elected: ['x'] });
  });
});

describe('the double majority of those taking part', () => {
  it('a majority by area but not by heads fails', () => {
    const roster = [unit('1', '100', 'a'), ...['b', 'c', 'd', 'e', 'f'].map((o, i) => unit(`${i + 2}`, '10', o))];
    const r = tally(
      everyone(
        { seats: 1, class: 'ordinary', candidates: ['x'], roster },
        { a: ['x'], b: ['x'], c: [], d: [], e: [], f: [] },
      ),
    );
    expect(r.quorum).toBe(true);
    expect(r.candidates.x).toEqual({ area: '110', heads: 2, passes: false }); // 110 of 150 m², but 2 of 6 owners
  });
  it('exactly half fails ("过半数" is strictly more than half)', () => {
    const roster = ['a', 'b', 'c', 'd'].map((o, i) => unit(`${i}`, '10', o));
    const r = tally(
      everyone({ seats: 1, class: 'ordinary', candidates: ['x'], roster }, { a: ['x'], b: ['x'], c: [], d: [] }),
    );
    expect(r.candidates.x).toEqual({ area: '20', heads: 2, passes: false });
  });
  it('decimal areas that floats would get wrong: 0.1 + 0.2 is exactly half of 0.6', () => {
    expect(0.1 + 0.2 > 0.6 / 2).toBe(true); // what a float comparison would decide
    const roster = [unit('1', '0.1', 'p'), unit('2', '0.2', 'q'), unit('3', '0.3', 'r')];
    const r = tally(
      everyone({ seats: 1, class: 'ordinary', candidates: ['x'], roster }, { p: ['x'], q: ['x'], r: [] }),
    );
    expect(r).toMatchObject({ quorum: true, participatingArea: '0.6' });
    expect(r.candidates.x).toEqual({ area: '0.3', heads: 2, passes: false });
  });
  it('the 3/4 class: exactly three quarters of area and heads passes, a hair less fails', () => {
    const roster = ['a', 'b', 'c', 'd'].map((o, i) => unit(`${i}`, '25.00', o));
    const special = { seats: 1, class: 'special' as const, candidates: ['yes'], roster };
    expect(tally(everyone(special, { a: ['yes'], b: ['yes'], c: ['yes'], d: [] })).candidates.yes).toEqual({
      area: '75.00',
      heads: 3,
      passes: true,
    });
    const less = tally(
      everyone(
        { ...special, roster: [...roster.slice(0, 3), unit('3', '25.01', 'd')] },
        { a: ['yes'], b: ['yes'], c: ['yes'], d: [] },
      ),
    );
    expect(less.candidates.yes).toEqual({ area: '75.00', heads: 3, passes: false }); // 75.00 of 100.01 m²
    // The same count as an ordinary matter passes easily.
    expect(
      tally(
        everyone(
          { ...special, class: 'ordinary', roster: [...roster.slice(0, 3), unit('3', '25.01', 'd')] },
          { a: ['yes'], b: ['yes'], c: ['yes'], d: [] },
        ),
      ).candidates.yes!.passes,
    ).toBe(true);
  });
});

describe('who counts as one owner', () => {
  it('one owner with three units: their area summed, counted once by head', () => {
    const roster = [
      unit('101', '50.5', 'a'),
      unit('102', '60.25', 'a'),
      unit('103', '70.125', 'a'),
      unit('201', '80', 'b'),
      unit('301', '10', 'c'),
    ];
    const r = tally(everyone({ seats: 1, class: 'ordinary', candidates: ['x'], roster }, { a: ['x'], b: [] }));
    expect(r).toMatchObject({
      totalArea: '270.875',
      totalHeads: 3,
      participatingArea: '260.875',
      participatingHeads: 2,
      quorum: true,
    });
    expect(r.candidates.x).toEqual({ area: '180.875', heads: 1, passes: false }); // 1 of 2 heads is not more than half
  });
  it('co-owners share the unit slot: one head, one ballot', () => {
    const roster = [unit('101', '90.12', 'u101'), unit('102', '90.12', 'b'), unit('103', '90.12', 'c')];
    const r = tally(everyone({ seats: 1, class: 'ordinary', candidates: ['x'], roster }, { u101: ['x'], b: ['x'] }));
    expect(r).toMatchObject({ totalHeads: 3, participatingHeads: 2, elected: ['x'] });
    // A second ballot for the slot is set aside: the first one (in the export's order) stands.
    const twice = tally({
      seats: 1,
      class: 'ordinary',
      candidates: ['x'],
      roster,
      ballots: [
        { owner: 'u101', choices: ['x'] },
        { owner: 'u101', choices: [] },
      ],
    });
    expect(twice).toMatchObject({ participatingHeads: 1, candidates: { x: { heads: 1, area: '90.12' } } });
    expect(twice.rejected).toEqual([{ owner: 'u101', reason: 'SECOND_BALLOT', tookPart: false }]);
  });
  it('all developer-held units together are one head', () => {
    const roster = [
      unit('1', '100', 'dev-1', true),
      unit('2', '100', 'dev-2', true),
      unit('3', '100', 'dev-3', true),
      unit('4', '50', 'a'),
      unit('5', '50', 'b'),
    ];
    const r = tally(everyone({ seats: 1, class: 'ordinary', candidates: ['x'], roster }, { 'dev-1': ['x'], a: ['x'] }));
    expect(r).toMatchObject({
      totalArea: '400',
      totalHeads: 3,
      participatingArea: '350',
      participatingHeads: 2,
      quorum: true,
    });
    expect(r.candidates.x).toEqual({ area: '350', heads: 2, passes: true });
    // The developer casts one ballot for all its units, under whichever of their keys: a second is set aside.
    const twice = tally({
      seats: 1,
      class: 'ordinary',
      candidates: ['x'],
      roster,
      ballots: [
        { owner: 'dev-1', choices: [] },
        { owner: 'dev-2', choices: ['x'] },
      ],
    });
    expect(twice).toMatchObject({ participatingHeads: 1, participatingArea: '300', candidates: { x: { heads: 0 } } });
    expect(twice.rejected).toEqual([{ owner: 'dev-2', reason: 'SECOND_BALLOT', tookPart: false }]);
  });
});

describe('seats', () => {
  // Nine owners of 10 m² each, all voting: a candidate passes with 5 or more.
  const roster = 'abcdefghi'.split('').map((o, i) => unit(`${i}`, '10.00', o));
  const base = { seats: 3, class: 'ordinary' as const, candidates: ['A', 'B', 'C', 'D', 'E'], roster };
  it('go to the passing candidates by heads, then area; a full tie across the last seat is a run-off, never broken silently', () => {
    const r = tally(
      everyone(base, {
        a: ['A', 'B', 'C'],
        b: ['A', 'B', 'D'],
        c: ['A', 'B', 'C'],
        d: ['A', 'B', 'D'],
        e: ['A', 'B', 'C'],
        f: ['A', 'C', 'D'],
        g: ['A', 'D', 'E'],
        h: ['B', 'C', 'D'],
        i: [],
      }),
    );
    expect(r.candidates).toMatchObject({
      A: { heads: 7, passes: true },
      B: { heads: 6, passes: true },
      C: { heads: 5, area: '50.00', passes: true },
      D: { heads: 5, area: '50.00', passes: true },
      E: { heads: 1, passes: false },
    });
    expect(r).toMatchObject({ elected: ['A', 'B'], runoff: ['C', 'D'], vacant: 0 });
  });
  it('heads first, then area, decide among those passing', () => {
    // a–g 10 m², h 20 m², i 30 m²: 120 m² in all; passing needs 5 heads and more than 60 m².
    const weighted = [...roster.slice(0, 7), unit('7', '20.00', 'h'), unit('8', '30.00', 'i')];
    const r = tally(
      everyone(
        { ...base, roster: weighted },
        {
          a: ['A', 'B', 'C'],
          b: ['A', 'B', 'C'],
          c: ['A', 'B', 'C'],
          d: ['A', 'B', 'D'],
          e: ['A', 'B', 'D'],
          f: ['A', 'D'],
          g: ['A', 'D'],
          h: ['B', 'C'],
          i: ['C', 'D'],
        },
      ),
    );
    expect(r.candidates).toEqual({
      A: { heads: 7, area: '70.00', passes: true },
      B: { heads: 6, area: '70.00', passes: true },
      C: { heads: 5, area: '80.00', passes: true },
      D: { heads: 5, area: '70.00', passes: true },
      E: { heads: 0, area: '0.00', passes: false },
    });
    expect(r).toMatchObject({ elected: ['A', 'B', 'C'], runoff: [], vacant: 0 }); // C and D tie on heads; C has the larger area
  });
  it('fewer passing than seats leaves seats vacant', () => {
    const r = tally(
      everyone(
        { ...base, seats: 5 },
        {
          a: ['A', 'B'],
          b: ['A', 'B'],
          c: ['A', 'B'],
          d: ['A', 'B'],
          e: ['A', 'B', 'C'],
          f: ['A'],
          g: [],
          h: [],
          i: [],
        },
      ),
    ); // A 6, B 5, C 1 of 9
    expect(r).toMatchObject({ elected: ['A', 'B'], runoff: [], vacant: 3 });
  });
  it('refuses only an export it cannot read (an area that is not a decimal)', () => {
    expect(() => tally({ ...base, roster: [unit('1', '1e3', 'a')], ballots: [] })).toThrow(TallyError);
  });
});

describe('bad ballots, as counting officers treat them: the count always ends with a result', () => {
  // Nine owners of 10 m² each; 3 seats; candidates A–E.
  const roster = 'abcdefghi'.split('').map((o, i) => unit(`${i}`, '10.00', o));
  const base = { seats: 3, class: 'ordinary' as const, candidates: ['A', 'B', 'C', 'D', 'E'], roster };
  it('a ballot marking more than the seats, an unknown candidate or one twice is void for the candidates, but its owner took part', () => {
    const r = tally({
      ...base,
      ballots: [
        { owner: 'a', choices: ['A', 'B', 'C', 'D'] },
        { owner: 'b', choices: ['Z'] },
        { owner: 'c', choices: ['A', 'A'] },
        { owner: 'd', choices: ['A'] },
        { owner: 'e', choices: ['A'] },
        { owner: 'f', choices: ['A'] },
      ],
    });
    expect(r).toMatchObject({ quorum: true, participatingHeads: 6, participatingArea: '60.00' });
    // A has 3 of 6 participating heads: not more than half, so it does not pass on the void ballots' denominators.
    expect(r.candidates.A).toEqual({ heads: 3, area: '30.00', passes: false });
    expect(r.rejected).toEqual([
      { owner: 'a', reason: 'VOID_OVER_SEATS', tookPart: true },
      { owner: 'b', reason: 'VOID_UNKNOWN_CANDIDATE', tookPart: true },
      { owner: 'c', reason: 'VOID_MARKED_TWICE', tookPart: true },
    ]);
  });
  it('the first ballot of each owner counts, later ones and ballots of owners not on the roster are set aside and listed', () => {
    const r = tally({
      ...base,
      ballots: [
        { owner: 'a', choices: ['A'] },
        { owner: 'z', choices: ['B'] },
        { owner: 'a', choices: ['B'] },
        ...'bcdef'.split('').map((owner) => ({ owner, choices: ['A'] })),
      ],
    });
    expect(r).toMatchObject({ quorum: true, participatingHeads: 6, candidates: { A: { heads: 6 }, B: { heads: 0 } } });
    expect(r.elected).toEqual(['A']);
    expect(r.rejected).toEqual([
      { owner: 'z', reason: 'NOT_ON_ROSTER', tookPart: false },
      { owner: 'a', reason: 'SECOND_BALLOT', tookPart: false },
    ]);
  });
  it('nothing passes with no participants, even of an empty roster', () => {
    const special = { seats: 1, class: 'special' as const, candidates: ['YES'] };
    expect(tally({ ...special, roster: [], ballots: [] })).toMatchObject({
      elected: [],
      candidates: { YES: { passes: false } },
    });
    expect(tally({ ...special, roster: [], ballots: [{ owner: 'z', choices: ['YES'] }] })).toMatchObject({
      elected: [],
      rejected: [{ owner: 'z', reason: 'NOT_ON_ROSTER', tookPart: false }],
    });
  });
});

describe('the two clauses of the rules of procedure (off unless adopted)', () => {
  // Six owners of 10 m²; a and b vote for x, c abstains; the ballots of d and e were delivered and not returned; f's never reached them.
  const roster = ['a', 'b', 'c', 'd', 'e', 'f'].map((o, i) => ({
    unit: `${i}`,
    area: '10',
    owner: o,
    delivered: ['d', 'e'].includes(o),
  }));
  const base = {
    seats: 1,
    class: 'ordinary' as const,
    candidates: ['x'],
    roster,
    ballots: [
      { owner: 'a', choices: ['x'] },
      { owner: 'b', choices: ['x'] },
      { owner: 'c', choices: [] },
    ],
  };
  it('off: the raw count alone', () => {
    const r = tally(base);
    expect(r).toMatchObject({ quorum: false, participatingHeads: 3, elected: [] });
    expect(r.adjusted).toBeUndefined();
  });
  it('"delivered counts as taking part": quorum reached, but silence is no vote for x', () => {
    const r = tally({ ...base, rules: { deliveredCounts: true } });
    expect(r).toMatchObject({ quorum: false, elected: [] }); // the raw result, reported as it is
    expect(r.adjusted).toMatchObject({
      silentOwners: 2,
      quorum: true,
      participatingHeads: 5,
      participatingArea: '50',
      candidates: { x: { heads: 2, passes: false } },
      elected: [],
    });
  });
  it('"silence follows the majority": the delivered silent owners join what most voters chose', () => {
    const r = tally({ ...base, rules: { deliveredCounts: true, silenceFollows: true } });
    expect(r.elected).toEqual([]);
    expect(r.adjusted).toMatchObject({
      silentOwners: 2,
      quorum: true,
      candidates: { x: { area: '40', heads: 4, passes: true } },
      elected: ['x'],
    });
  });
});
