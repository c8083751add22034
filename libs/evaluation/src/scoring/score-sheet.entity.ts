import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import { BlocYear } from '#app/blocs';
import { Organization } from '#app/organizations';

/**
 * `draft` (the member self-scores, as often as it likes) → `reviewed` (the leader or staff gave
 * scores and comments) → `explained` (the member answered; the reviewer may review again) → `final`.
 */
export const SCORE_SHEET_STATUSES = ['draft', 'reviewed', 'explained', 'final'] as const;
export type ScoreSheetStatus = (typeof SCORE_SHEET_STATUSES)[number];

/** A member's score sheet for one bloc year. */
@Entity('score_sheet')
@Unique('UQ_score_sheet_organization', ['blocYearId', 'organizationId'])
@Check('CHK_score_sheet_status', `"status" IN ('draft', 'reviewed', 'explained', 'final')`)
export class ScoreSheet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  blocYearId: string;

  @ManyToOne(() => BlocYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bloc_year_id', foreignKeyConstraintName: 'FK_score_sheet_bloc_year' })
  blocYear?: Relation<BlocYear>;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_score_sheet_organization' })
  organization?: Relation<Organization>;

  @Column({ type: 'varchar', length: 20 })
  status: ScoreSheetStatus;

  /** The member's answer to the review (giải trình). */
  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  explainedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finalisedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
