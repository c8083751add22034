import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { Covenant } from '#app/covenants';
import { Organization } from '#app/organizations';

export const PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'YEAR'] as const;
export type Period = (typeof PERIODS)[number];

/**
 * A member's check-in on a covenant for one period (báo cáo tiến độ / sơ kết). Reports are never
 * changed: a new one for the same organisation and period gets the next revision and becomes the
 * current one; the earlier ones stay as history.
 */
@Entity('progress_report')
@Unique('UQ_progress_report_revision', ['covenantId', 'organizationId', 'period', 'revision'])
@Check('CHK_progress_report_period', `"period" IN ('Q1', 'Q2', 'Q3', 'Q4', 'H1', 'YEAR')`)
@Check('CHK_progress_report_revision', `"revision" >= 1`)
export class ProgressReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  covenantId: string;

  @ManyToOne(() => Covenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'covenant_id', foreignKeyConstraintName: 'FK_progress_report_covenant' })
  covenant?: Relation<Covenant>;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_progress_report_organization' })
  organization?: Relation<Organization>;

  @Column({ type: 'varchar', length: 10 })
  period: Period;

  /** 1 for the first report of this organisation and period; the highest is the current one. */
  @Column({ type: 'int' })
  revision: number;

  /** The account that submitted it. */
  @Column({ type: 'uuid' })
  submittedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
