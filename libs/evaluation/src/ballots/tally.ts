import type { PassBase } from '#app/blocs';

/** Voting rules of a bloc year (defaults in API.md: 50 / 50 / members). */
export interface VotingRules {
  /** Turnout must be at least this share of the members, in percent. */
  quorumPercent: number;
  /** A candidate needs strictly more than this share of the base, in percent. */
  passPercent: number;
  passBase: PassBase;
}

export interface TallyInput {
  /** Member organisations entitled to vote. */
  memberCount: number;
  /** Member organisations that voted (a blank ballot counts). */
  turnout: number;
  seats: number;
  rules: VotingRules;
  /** Every candidate with its votes, in ballot order (the order breaks nothing, it only lists). */
  candidates: readonly { organizationId: string; votes: number }[];
}

export interface CandidateResult {
  organizationId: string;
  votes: number;
  /** Votes as a share of the base, 0–100, two decimals. */
  percent: number;
  /** Over the pass threshold (whether or not a seat was left). */
  passed: boolean;
  elected: boolean;
}

export interface Tally {
  memberCount: number;
  turnout: number;
  quorumMet: boolean;
  /** The number the percentages are taken of. */
  base: number;
  seats: number;
  /** Best first; candidates with equal votes keep ballot order. */
  results: CandidateResult[];
  /**
   * Candidates over the threshold with equal votes competing for the last seat(s) when there are
   * fewer seats than of them: none of them is elected; the meeting decides (e.g. a new round).
   */
  tieAtLastSeat: string[];
}

/**
 * Counts a closed ballot. Without quorum nobody is elected. Otherwise candidates strictly over
 * `passPercent` of the base are elected best first up to `seats`; a tie across the last seat is
 * reported in `tieAtLastSeat` and leaves those seats empty rather than being decided silently.
 */
export function tally(input: TallyInput): Tally {
  const { memberCount, turnout, seats, rules } = input;
  const quorumMet = memberCount > 0 && turnout * 10_000 >= hundredths(rules.quorumPercent) * memberCount;
  const base = rules.passBase === 'members' ? memberCount : turnout;
  const passes = (votes: number) => quorumMet && base > 0 && votes * 10_000 > hundredths(rules.passPercent) * base;

  const ordered = input.candidates
    .map((c, index) => ({ ...c, index }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index);
  const qualified = ordered.filter((c) => passes(c.votes));
  const elected = new Set<string>();
  let tieAtLastSeat: string[] = [];
  if (qualified.length <= seats) {
    for (const c of qualified) elected.add(c.organizationId);
  } else {
    const lastSeatVotes = qualified[seats - 1].votes;
    const above = qualified.filter((c) => c.votes > lastSeatVotes);
    const atLastSeat = qualified.filter((c) => c.votes === lastSeatVotes);
    for (const c of above) elected.add(c.organizationId);
    if (above.length + atLastSeat.length <= seats) for (const c of atLastSeat) elected.add(c.organizationId);
    else tieAtLastSeat = atLastSeat.map((c) => c.organizationId);
  }

  return {
    memberCount,
    turnout,
    quorumMet,
    base,
    seats,
    results: ordered.map((c) => ({
      organizationId: c.organizationId,
      votes: c.votes,
      percent: base > 0 ? Math.round((c.votes * 10_000) / base) / 100 : 0,
      passed: passes(c.votes),
      elected: elected.has(c.organizationId),
    })),
    tieAtLastSeat,
  };
}

/** Percentages carry at most two decimals; comparing in integers keeps 50 % of 7 exact. */
function hundredths(percent: number): number {
  return Math.round(percent * 100);
}
