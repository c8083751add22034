import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { BallotElector } from './ballot-elector.entity.js';

/**
 * Who voted — and nothing else: no time, no reference to what was chosen. Its primary key makes
 * the database refuse a second vote of the same organisation; its foreign key to the electorate
 * refuses a vote from outside it. What was chosen lives in `ballot_choice`, which has no voter column.
 */
@Entity('ballot_voter')
export class BallotVoter {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ballot_voter' })
  ballotId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ballot_voter' })
  organizationId: string;

  @ManyToOne(() => BallotElector, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'ballot_id', referencedColumnName: 'ballotId', foreignKeyConstraintName: 'FK_ballot_voter_elector' },
    { name: 'organization_id', referencedColumnName: 'organizationId', foreignKeyConstraintName: 'FK_ballot_voter_elector' },
  ])
  elector?: Relation<BallotElector>;
}
