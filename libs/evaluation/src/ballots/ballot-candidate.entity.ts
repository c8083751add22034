import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organization } from '#app/organizations';
import { Ballot } from './ballot.entity.js';

/** A candidate of a ballot, with the name it had on the roster. */
@Entity('ballot_candidate')
export class BallotCandidate {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ballot_candidate' })
  ballotId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ballot_candidate' })
  organizationId: string;

  @ManyToOne(() => Ballot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id', foreignKeyConstraintName: 'FK_ballot_candidate_ballot' })
  ballot?: Relation<Ballot>;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_ballot_candidate_organization' })
  organization?: Relation<Organization>;

  @Column({ type: 'varchar', length: 1000 })
  name: string;

  @Column({ type: 'int' })
  position: number;
}
