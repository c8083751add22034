import { Injectable, NotFoundException } from '@nestjs/common';
import { BlocsService } from '#app/blocs';
import type { BallotStatus } from './ballot.entity.js';
import { type BallotParts, type BallotRecord, BallotsRepository } from './ballots.repository.js';
import type { VotingRules } from './tally.js';

export interface BallotResultView {
  organizationId: string;
  name: string;
  votes: number;
  percent: number;
  passed: boolean;
  elected: boolean;
}

export interface BallotView {
  id: string;
  blocId: string;
  year: number;
  awardTypeCode: string;
  status: BallotStatus;
  maxChoices: number;
  seats: number;
  /** The bloc year's rules as they were when the ballot opened. */
  rules: VotingRules;
  /** Member organisations entitled to vote. */
  memberCount: number;
  turnout: number;
  candidates: { organizationId: string; name: string }[];
  /** Who voted (by name) — never what they chose. */
  voters: { organizationId: string; name: string }[];
  createdAt: Date;
  closedAt: Date | null;
  /** Only once closed: */
  quorumMet?: boolean;
  base?: number;
  results?: BallotResultView[];
  tieAtLastSeat?: string[];
}

/**
 * Read model of ballots. While a ballot is open it shows who voted and the turnout, never a count
 * per candidate. Exported for other libraries (the annual report prints ballot results).
 */
@Injectable()
export class BallotsReader {
  constructor(
    private readonly blocs: BlocsService,
    private readonly ballots: BallotsRepository,
  ) {}

  async ballot(id: string): Promise<BallotView> {
    const ballot = await this.ballots.find(id);
    if (!ballot) throw new NotFoundException(`ballot ${id} not found`);
    const parts = await this.ballots.partsOf([id]);
    return view(ballot, parts.get(id)!);
  }

  /** Every ballot of a bloc year, oldest first. */
  async ballotsOf(blocId: string, year: number): Promise<BallotView[]> {
    const roster = await this.blocs.getRoster(blocId, year);
    const ballots = await this.ballots.ofBlocYear(roster.blocYearId);
    const parts = await this.ballots.partsOf(ballots.map((b) => b.id));
    return ballots.map((b) => view(b, parts.get(b.id)!));
  }
}

function view(ballot: BallotRecord, parts: BallotParts): BallotView {
  const names = new Map(parts.candidates.map((c) => [c.organizationId, c.name]));
  const base: BallotView = {
    id: ballot.id,
    blocId: ballot.blocId,
    year: ballot.year,
    awardTypeCode: ballot.awardTypeCode,
    status: ballot.status,
    maxChoices: ballot.maxChoices,
    seats: ballot.seats,
    rules: { quorumPercent: ballot.quorumPercent, passPercent: ballot.passPercent, passBase: ballot.passBase },
    memberCount: ballot.memberCount,
    turnout: parts.voters.length,
    candidates: parts.candidates.map((c) => ({ organizationId: c.organizationId, name: c.name })),
    voters: parts.voters,
    createdAt: ballot.createdAt,
    closedAt: ballot.closedAt,
  };
  const result = ballot.result;
  if (ballot.status !== 'closed' || !result) return base;
  return {
    ...base,
    turnout: result.turnout,
    quorumMet: result.quorumMet,
    base: result.base,
    results: result.results.map((r) => ({ organizationId: r.organizationId, name: names.get(r.organizationId) ?? '', votes: r.votes, percent: r.percent, passed: r.passed, elected: r.elected })),
    tieAtLastSeat: result.tieAtLastSeat,
  };
}
