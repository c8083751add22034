import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organization } from '#app/organizations';
import { Ballot } from './ballot.entity.js';

/** A member organisation entitled to vote in a ballot (the roster when the ballot opened). */
@Entity('ballot_elector')
export class BallotElector {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ballot_elector' })
  ballotId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_ballot_elector' })
  organizationId: string;

  @ManyToOne(() => Ballot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ballot_id', foreignKeyConstraintName: 'FK_ballot_elector_ballot' })
  ballot?: Relation<Ballot>;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_ballot_elector_organization' })
  organization?: Relation<Organization>;
}
