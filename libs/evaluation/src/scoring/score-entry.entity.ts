import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { points } from '../criteria/criterion.entity.js';
import { ScoreSheet } from './score-sheet.entity.js';

/** One item of a score sheet: the member's claim with its evidence, and the reviewer's score. */
@Entity('score_entry')
@Unique('UQ_score_entry_code', ['scoreSheetId', 'code'])
@Check('CHK_score_entry_self_score', `"self_score" >= 0`)
@Check('CHK_score_entry_reviewed_score', `"reviewed_score" >= 0`)
export class ScoreEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  scoreSheetId: string;

  @ManyToOne(() => ScoreSheet, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'score_sheet_id', foreignKeyConstraintName: 'FK_score_entry_score_sheet' })
  scoreSheet?: Relation<ScoreSheet>;

  /** The criterion's code in the bloc year's table. */
  @Column({ type: 'varchar', length: 50 })
  code: string;

  /** Null when only the reviewer scored this item (e.g. a penalty the member did not declare). */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: points })
  selfScore: number | null;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: points })
  reviewedScore: number | null;

  @Column({ type: 'text', nullable: true })
  reviewComment: string | null;
}
