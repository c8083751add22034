import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { BlocYearAccess } from '#app/auth';
import { BlocsService } from '#app/blocs';
import { AuditService, type AuthUser } from '#app/core';
import { lockedRoster } from '../bloc-year.js';
import type { CreateBallotDto, VoteDto } from './ballot.dto.js';
import { BallotsReader, type BallotView } from './ballots.reader.js';
import { BallotsRepository } from './ballots.repository.js';
import { tally } from './tally.js';

@Injectable()
export class BallotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blocs: BlocsService,
    private readonly access: BlocYearAccess,
    private readonly audit: AuditService,
    private readonly ballots: BallotsRepository,
    private readonly reader: BallotsReader,
  ) {}

  /** Opens a ballot: the electorate and the rules are those of the roster at this moment. */
  async create(blocId: string, year: number, dto: CreateBallotDto, actor: AuthUser): Promise<BallotView> {
    await this.access.assertLeader(actor, blocId, year, { allowDeputy: false });
    if (dto.maxChoices > dto.candidates.length) throw new BadRequestException('maxChoices must not exceed the number of candidates');
    if (dto.seats > dto.candidates.length) throw new BadRequestException('seats must not exceed the number of candidates');
    const id = await this.knownAwardType(dto.awardTypeCode, () => this.dataSource.transaction((manager) => this.open(manager, blocId, year, dto, actor)));
    return this.reader.ballot(id);
  }

  private async open(manager: EntityManager, blocId: string, year: number, dto: CreateBallotDto, actor: AuthUser): Promise<string> {
    const roster = await lockedRoster(this.blocs, manager, blocId, year);
    const members = new Map(roster.members.map((m) => [m.organizationId, m.name]));
    const strangers = dto.candidates.filter((c) => !members.has(c));
    if (strangers.length > 0) throw new BadRequestException(`candidates must be members of this bloc in ${year}: ${strangers.join(', ')}`);
    const ballot = {
      blocYearId: roster.blocYearId,
      awardTypeCode: dto.awardTypeCode,
      maxChoices: dto.maxChoices,
      seats: dto.seats,
      ...roster.rules,
      memberCount: roster.members.length,
    };
    const candidates = dto.candidates.map((organizationId) => ({ organizationId, name: members.get(organizationId)! }));
    const id = await this.ballots.create(manager, ballot, candidates, [...members.keys()]);
    await this.audit.record(manager, { actorId: actor.id, action: 'ballot.open', entityType: 'ballot', entityId: id, after: { ...ballot, candidates: dto.candidates } });
    return id;
  }

  /**
   * One vote of the actor's organisation. The ballot row is locked first, as `close` does: a vote
   * either commits before the close counts, or waits and finds the ballot closed (409).
   */
  async vote(ballotId: string, dto: VoteDto, actor: AuthUser): Promise<{ ballotId: string; voted: true }> {
    const organizationId = actor.role === 'unit' ? actor.organizationId : null;
    if (!organizationId) throw new ForbiddenException('only the account of a member organization votes');
    try {
      await this.dataSource.transaction(async (manager) => {
        const ballot = await this.ballots.lock(manager, ballotId);
        if (!ballot) throw new NotFoundException(`ballot ${ballotId} not found`);
        if (!(await this.ballots.isElector(manager, ballotId, organizationId))) throw new ForbiddenException('this organization is not a member entitled to vote in this ballot');
        if (dto.choices.length > ballot.maxChoices) throw new BadRequestException(`choices: at most ${ballot.maxChoices} candidate(s)`);
        const candidates = await this.ballots.candidateIds(manager, ballotId);
        const unknown = dto.choices.filter((c) => !candidates.has(c));
        if (unknown.length > 0) throw new BadRequestException(`choices: not candidates of this ballot: ${unknown.join(', ')}`);
        if (ballot.status !== 'open') throw new ConflictException('the ballot is closed');
        await this.ballots.castVote(manager, ballotId, organizationId, dto.choices);
        // Who voted, never what: the choices stay out of the audit log.
        await this.audit.record(manager, { actorId: actor.id, action: 'ballot.vote', entityType: 'ballot', entityId: ballotId, after: { organizationId } });
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'PK_ballot_voter') {
        throw new ConflictException('this organization has already voted in this ballot');
      }
      throw error;
    }
    return { ballotId, voted: true };
  }

  /** Closes and counts, with the rules copied when the ballot opened. */
  async close(ballotId: string, actor: AuthUser): Promise<BallotView> {
    const found = await this.ballots.find(ballotId);
    if (!found) throw new NotFoundException(`ballot ${ballotId} not found`);
    await this.access.assertLeader(actor, found.blocId, found.year, { allowDeputy: false });
    await this.dataSource.transaction(async (manager) => {
      const ballot = (await this.ballots.lock(manager, ballotId))!;
      if (ballot.status !== 'open') throw new ConflictException('the ballot is already closed');
      const { turnout, votes } = await this.ballots.count(manager, ballotId);
      const candidates = [...(await this.ballots.partsOf([ballotId], manager)).get(ballotId)!.candidates];
      const result = tally({
        memberCount: ballot.memberCount,
        turnout,
        seats: ballot.seats,
        rules: { quorumPercent: ballot.quorumPercent, passPercent: ballot.passPercent, passBase: ballot.passBase },
        candidates: candidates.map((c) => ({ organizationId: c.organizationId, votes: votes.get(c.organizationId) ?? 0 })),
      });
      await this.ballots.close(manager, ballotId, result);
      await this.audit.record(manager, { actorId: actor.id, action: 'ballot.close', entityType: 'ballot', entityId: ballotId, before: { status: 'open' }, after: { status: 'closed', result } });
    });
    await this.ballots.vacuumBallotBox();
    return this.reader.ballot(ballotId);
  }

  /** The award type catalogue (awards library) is checked by the ballot's foreign key. */
  private async knownAwardType<T>(code: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'FK_ballot_award_type') {
        throw new BadRequestException(`awardTypeCode ${code} is not an award type (see GET /api/award-types)`);
      }
      throw error;
    }
  }
}
