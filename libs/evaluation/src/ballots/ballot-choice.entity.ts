import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Column, type Relation } from 'typeorm';
import { BallotCandidate } from './ballot-candidate.entity.js';

/**
 * One mark for one candidate: no voter, no time, no sequence, and a random key. Every vote
 * rewrites the ballot's marks in a random order under new random keys (BallotsRepository.castVote),
 * so neither the physical order, the keys nor the writing transaction of a mark tells which vote
 * it came from. See docs/progress-and-evaluation.md, "What the secrecy guarantee covers".
 */
@Entity('ballot_choice')
@Index('IDX_ballot_choice_ballot', ['ballotId'])
export class BallotChoice {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ballot_choice' })
  id: string;

  @Column({ type: 'uuid' })
  ballotId: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => BallotCandidate, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'ballot_id', referencedColumnName: 'ballotId', foreignKeyConstraintName: 'FK_ballot_choice_candidate' },
    { name: 'candidate_id', referencedColumnName: 'organizationId', foreignKeyConstraintName: 'FK_ballot_choice_candidate' },
  ])
  candidate?: Relation<BallotCandidate>;
}
