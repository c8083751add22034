import { randomInt, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { BallotCandidate } from './ballot-candidate.entity.js';
import { BallotChoice } from './ballot-choice.entity.js';
import { BallotElector } from './ballot-elector.entity.js';
import { BallotVoter } from './ballot-voter.entity.js';
import { Ballot } from './ballot.entity.js';
import type { Tally } from './tally.js';

export type NewBallot = Pick<Ballot, 'blocYearId' | 'awardTypeCode' | 'maxChoices' | 'seats' | 'quorumPercent' | 'passPercent' | 'passBase' | 'memberCount'>;

/** A ballot with where it belongs, for access checks and views. */
export interface BallotRecord extends Ballot {
  blocId: string;
  year: number;
}

export interface BallotParts {
  candidates: BallotCandidate[];
  /** Organisations that voted, with their current names, by name. */
  voters: { organizationId: string; name: string }[];
}

@Injectable()
export class BallotsRepository {
  private readonly logger = new Logger('Ballots');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(manager: EntityManager, ballot: NewBallot, candidates: { organizationId: string; name: string }[], electorate: string[]): Promise<string> {
    const { identifiers } = await manager.insert(Ballot, { ...ballot, status: 'open' });
    const ballotId = identifiers[0].id as string;
    await manager.insert(BallotCandidate, candidates.map((c, position) => ({ ballotId, organizationId: c.organizationId, name: c.name, position })));
    await manager.insert(BallotElector, electorate.map((organizationId) => ({ ballotId, organizationId })));
    return ballotId;
  }

  /** The ballot row locked FOR UPDATE: votes and the close queue on it, so none is counted twice or lost. */
  lock(manager: EntityManager, id: string): Promise<Ballot | null> {
    return manager.getRepository(Ballot).createQueryBuilder('b').where('b.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<BallotRecord | null> {
    const ballot = await manager.findOne(Ballot, { where: { id }, relations: { blocYear: true } });
    return ballot ? withPlace(ballot) : null;
  }

  async ofBlocYear(blocYearId: string, manager: EntityManager = this.dataSource.manager): Promise<BallotRecord[]> {
    const ballots = await manager.find(Ballot, { where: { blocYearId }, relations: { blocYear: true }, order: { createdAt: 'ASC', id: 'ASC' } });
    return ballots.map(withPlace);
  }

  /** Candidates and voters of the given ballots: two queries whatever their number. */
  async partsOf(ballotIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, BallotParts>> {
    const parts = new Map<string, BallotParts>(ballotIds.map((id) => [id, { candidates: [], voters: [] }]));
    if (ballotIds.length === 0) return parts;
    const candidates = await manager.find(BallotCandidate, { where: { ballotId: In(ballotIds) }, order: { position: 'ASC' } });
    for (const c of candidates) parts.get(c.ballotId)!.candidates.push(c);
    const voters: { ballot_id: string; organization_id: string; name: string }[] = await manager.query(
      `SELECT v.ballot_id, v.organization_id, o.name FROM ballot_voter v JOIN organization o ON o.id = v.organization_id
        WHERE v.ballot_id = ANY($1::uuid[]) ORDER BY o.name, o.id`,
      [ballotIds],
    );
    for (const v of voters) parts.get(v.ballot_id)!.voters.push({ organizationId: v.organization_id, name: v.name });
    return parts;
  }

  async isElector(manager: EntityManager, ballotId: string, organizationId: string): Promise<boolean> {
    return (await manager.countBy(BallotElector, { ballotId, organizationId })) > 0;
  }

  async candidateIds(manager: EntityManager, ballotId: string): Promise<Set<string>> {
    const rows = await manager.find(BallotCandidate, { select: { organizationId: true }, where: { ballotId } });
    return new Set(rows.map((r) => r.organizationId));
  }

  /**
   * Records that `organizationId` voted (its primary key refuses a second vote) and adds its marks
   * to the ballot box. To keep the box from telling which marks came with which vote, every vote
   * takes all the ballot's marks out and puts them back shuffled, under new random keys: every live
   * mark is then written by the latest vote's transaction (one `xmin` for all) in an order that says
   * nothing about when it was cast. Call only with the ballot row locked.
   */
  async castVote(manager: EntityManager, ballotId: string, organizationId: string, choices: string[]): Promise<void> {
    await manager.insert(BallotVoter, { ballotId, organizationId });
    const previous = await manager.createQueryBuilder().delete().from(BallotChoice).where('ballot_id = :ballotId', { ballotId }).returning('candidate_id').execute();
    const marks = [...(previous.raw as { candidate_id: string }[]).map((r) => r.candidate_id), ...choices];
    if (marks.length === 0) return;
    await manager.insert(BallotChoice, shuffle(marks).map((candidateId) => ({ id: randomUUID(), ballotId, candidateId })));
  }

  async count(manager: EntityManager, ballotId: string): Promise<{ turnout: number; votes: Map<string, number> }> {
    const turnout = await manager.countBy(BallotVoter, { ballotId });
    const rows: { candidate_id: string; votes: number }[] = await manager.query(
      `SELECT candidate_id, count(*)::int AS votes FROM ballot_choice WHERE ballot_id = $1 GROUP BY candidate_id`,
      [ballotId],
    );
    return { turnout, votes: new Map(rows.map((r) => [r.candidate_id, r.votes])) };
  }

  async close(manager: EntityManager, ballotId: string, result: Tally): Promise<void> {
    await manager.update(Ballot, { id: ballotId }, { status: 'closed', result, closedAt: () => 'now()' });
  }

  /**
   * Best effort, after a ballot closed: removes the dead row versions that each reshuffle left
   * behind (they would show, to someone reading the table files, the box before and after a vote).
   */
  async vacuumBallotBox(): Promise<void> {
    try {
      await this.dataSource.query('VACUUM ballot_choice');
    } catch (error) {
      this.logger.warn(`VACUUM ballot_choice failed: ${(error as Error).message}`);
    }
  }
}

function withPlace(ballot: Ballot): BallotRecord {
  const { blocYear, ...fields } = ballot;
  return { ...fields, blocId: blocYear!.blocId, year: blocYear!.year };
}

/** Fisher–Yates with a cryptographic source: the order must not be predictable from anything. */
function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
