import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { CovenantTarget } from '#app/covenants';
import { ProgressReport } from './progress-report.entity.js';

export const PROGRESS_STATUSES = ['on_track', 'at_risk', 'off_track', 'done'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

const decimal = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** What a report says about one target. */
@Entity('progress_entry')
@Unique('UQ_progress_entry_target', ['reportId', 'targetId'])
@Check('CHK_progress_entry_status', `"status" IN ('on_track', 'at_risk', 'off_track', 'done')`)
export class ProgressEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => ProgressReport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_progress_entry_report' })
  report?: Relation<ProgressReport>;

  @Column({ type: 'uuid' })
  targetId: string;

  @ManyToOne(() => CovenantTarget, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'FK_progress_entry_target' })
  target?: Relation<CovenantTarget>;

  /** Same precision as the target's indicator. */
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true, transformer: decimal })
  actualValue: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  status: ProgressStatus | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
