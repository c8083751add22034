import { describe, expect, it } from '@jest/globals';
import { tally, type TallyInput, type VotingRules } from './tally.js';

const DEFAULT: VotingRules = { quorumPercent: 50, passPercent: 50, passBase: 'members' };

/** Candidates A, B, C… with the given votes, in ballot order. */
function input(memberCount: number, turnout: number, votes: number[], seats = 1, rules: Partial<VotingRules> = {}): TallyInput {
  return {
    memberCount,
    turnout,
    seats,
    rules: { ...DEFAULT, ...rules },
    candidates: votes.map((v, i) => ({ organizationId: String.fromCharCode(65 + i), votes: v })),
  };
}

const electedOf = (i: TallyInput) => tally(i).results.filter((r) => r.elected).map((r) => r.organizationId);

describe('tally', () => {
  describe('quorum', () => {
    it.each([
      ['exactly half of 10 members (at least 50 %)', input(10, 5, [5]), true],
      ['one short of half', input(10, 4, [4]), false],
      ['7 of 13 members', input(13, 7, [7]), true],
      ['6 of 13 members', input(13, 6, [6]), false],
      ['two-thirds rule written 66.66, 8 of 12', input(12, 8, [8], 1, { quorumPercent: 66.66 }), true],
      ['66.67 % is more than 8 of 12', input(12, 8, [8], 1, { quorumPercent: 66.67 }), false],
      ['two-thirds rule written 66.66, 7 of 12', input(12, 7, [7], 1, { quorumPercent: 66.66 }), false],
      ['zero quorum still needs a member roll', input(0, 0, [0], 1, { quorumPercent: 0 }), false],
      ['zero quorum, nobody voted', input(5, 0, [0], 1, { quorumPercent: 0 }), true],
    ])('%s', (_name, i, met) => {
      expect(tally(i).quorumMet).toBe(met);
    });

    it('elects nobody when the quorum is missed, though the counts are reported', () => {
      const result = tally(input(10, 4, [4, 0]));
      expect(result.quorumMet).toBe(false);
      expect(result.results).toEqual([
        { organizationId: 'A', votes: 4, percent: 40, passed: false, elected: false },
        { organizationId: 'B', votes: 0, percent: 0, passed: false, elected: false },
      ]);
      expect(result.tieAtLastSeat).toEqual([]);
    });
  });

  describe('threshold: strictly more than passPercent of the base', () => {
    it.each([
      ['members base: 5 of 10 is not more than 50 %', input(10, 8, [5]), [], 50],
      ['members base: 6 of 10 passes', input(10, 8, [6]), ['A'], 60],
      ['votes cast base: 5 of 8 passes', input(10, 8, [5], 1, { passBase: 'votes_cast' }), ['A'], 62.5],
      ['votes cast base: 4 of 8 does not', input(10, 8, [4], 1, { passBase: 'votes_cast' }), [], 50],
      ['members base, 4 of 7 passes (57.14 %)', input(7, 7, [4]), ['A'], 57.14],
      ['two-thirds threshold: 2 of 3 is not more than 66.67 %', input(3, 3, [2], 1, { passPercent: 66.67 }), [], 66.67],
      ['two-thirds threshold: 3 of 3 passes', input(3, 3, [3], 1, { passPercent: 66.67 }), ['A'], 100],
    ])('%s', (_name, i, elected, percent) => {
      expect(electedOf(i)).toEqual(elected);
      expect(tally(i).results[0].percent).toBe(percent);
    });

    it('reports the base it used', () => {
      expect(tally(input(10, 8, [5])).base).toBe(10);
      expect(tally(input(10, 8, [5], 1, { passBase: 'votes_cast' })).base).toBe(8);
    });
  });

  describe('seats', () => {
    it.each([
      ['one seat, best of three passing', input(10, 10, [6, 9, 7]), ['B']],
      ['two seats, best two', input(10, 10, [6, 9, 7], 2), ['B', 'C']],
      ['more seats than candidates passing', input(10, 10, [6, 2, 9], 3), ['C', 'A']],
      ['nobody passes, seats stay empty', input(10, 10, [5, 5, 4], 2), []],
      ['a clear winner above a tie below the seats', input(10, 10, [9, 7, 7], 1), ['A']],
    ])('%s', (_name, i, elected) => {
      expect(electedOf(i)).toEqual(elected);
      expect(tally(i).tieAtLastSeat).toEqual([]);
    });

    it('lists best first, equal votes in ballot order', () => {
      expect(tally(input(10, 10, [3, 8, 3, 9])).results.map((r) => r.organizationId)).toEqual(['D', 'B', 'A', 'C']);
    });

    it('marks as passed those over the threshold that did not get a seat', () => {
      const result = tally(input(10, 10, [9, 8], 1));
      expect(result.results.map((r) => [r.organizationId, r.passed, r.elected])).toEqual([
        ['A', true, true],
        ['B', true, false],
      ]);
    });
  });

  describe('ties', () => {
    it('reports a tie at the only seat and elects none of the tied', () => {
      const result = tally(input(10, 10, [7, 7, 3]));
      expect(electedOf(input(10, 10, [7, 7, 3]))).toEqual([]);
      expect(result.tieAtLastSeat).toEqual(['A', 'B']);
    });

    it('elects those above the tie and leaves the last seat to the meeting', () => {
      const i = input(10, 10, [6, 9, 6, 6], 2);
      expect(electedOf(i)).toEqual(['B']);
      expect(tally(i).tieAtLastSeat).toEqual(['A', 'C', 'D']);
    });

    it('elects all tied when they fit in the seats', () => {
      const i = input(10, 10, [8, 8, 6], 2);
      expect(electedOf(i)).toEqual(['A', 'B']);
      expect(tally(i).tieAtLastSeat).toEqual([]);
    });

    it('ignores ties among candidates under the threshold', () => {
      const i = input(10, 10, [9, 4, 4], 2);
      expect(electedOf(i)).toEqual(['A']);
      expect(tally(i).tieAtLastSeat).toEqual([]);
    });
  });

  it('gives 0 % and elects nobody when nobody voted on a votes-cast base', () => {
    const result = tally(input(5, 0, [0, 0], 1, { passBase: 'votes_cast', quorumPercent: 0 }));
    expect(result.results.every((r) => r.percent === 0 && !r.elected)).toBe(true);
  });
});
