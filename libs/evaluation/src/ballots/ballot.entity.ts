import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { BlocYear, type PassBase } from '#app/blocs';
import type { Tally } from './tally.js';

const percent = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

export type BallotStatus = 'open' | 'closed';

/**
 * A secret ballot of a bloc year for one award type. The rules and the electorate are copied
 * when it opens, so that editing the roster or its rules afterwards does not change a running vote.
 */
@Entity('ballot')
@Index('IDX_ballot_bloc_year', ['blocYearId'])
@Check('CHK_ballot_status', `"status" IN ('open', 'closed')`)
@Check('CHK_ballot_counts', `"max_choices" >= 1 AND "seats" >= 1 AND "member_count" >= 1`)
@Check('CHK_ballot_pass_base', `"pass_base" IN ('members', 'votes_cast')`)
@Check('CHK_ballot_closed', `("status" = 'closed') = ("result" IS NOT NULL)`)
export class Ballot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  blocYearId: string;

  @ManyToOne(() => BlocYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bloc_year_id', foreignKeyConstraintName: 'FK_ballot_bloc_year' })
  blocYear?: Relation<BlocYear>;

  @Column({ type: 'varchar', length: 50 })
  awardTypeCode: string;

  // By entity name, not class: the awards library may read ballots (annual report), so this one does not import it.
  @ManyToOne('AwardType', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_type_code', referencedColumnName: 'code', foreignKeyConstraintName: 'FK_ballot_award_type' })
  awardType?: object;

  @Column({ type: 'int' })
  maxChoices: number;

  @Column({ type: 'int' })
  seats: number;

  @Column({ type: 'varchar', length: 10 })
  status: BallotStatus;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: percent })
  quorumPercent: number;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: percent })
  passPercent: number;

  @Column({ type: 'varchar', length: 20 })
  passBase: PassBase;

  /** Members of the roster when the ballot opened: the electorate (see ballot_elector). */
  @Column({ type: 'int' })
  memberCount: number;

  /** The count, written once when the ballot closes. */
  @Column({ type: 'jsonb', nullable: true })
  result: Tally | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
