import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { CovenantTarget } from '#app/covenants';
import { type CriterionKind } from './criterion-kind.js';
import { CriteriaSet } from './criteria-set.entity.js';

/** numeric columns come back from pg as strings. */
export const points = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** One item of a bloc year's scoring table. */
@Entity('criterion')
@Unique('UQ_criterion_code', ['criteriaSetId', 'code'])
@Check('CHK_criterion_kind', `"kind" IN ('quantitative', 'qualitative', 'count', 'bonus', 'penalty')`)
@Check('CHK_criterion_max_points', `"max_points" > 0`)
export class Criterion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  criteriaSetId: string;

  @ManyToOne(() => CriteriaSet, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'criteria_set_id', foreignKeyConstraintName: 'FK_criterion_criteria_set' })
  criteriaSet?: Relation<CriteriaSet>;

  /** As printed in the province's table, e.g. "I.1" or "TC3". Score entries refer to items by code. */
  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 1000 })
  title: string;

  @Column({ type: 'numeric', precision: 7, scale: 2, transformer: points })
  maxPoints: number;

  @Column({ type: 'varchar', length: 20 })
  kind: CriterionKind;

  /** The covenant target this item measures, if any. */
  @Column({ type: 'uuid', nullable: true })
  targetId: string | null;

  // SET NULL: editing a draft covenant may replace its targets; criteria normally point at a covenant in force.
  @ManyToOne(() => CovenantTarget, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'target_id', foreignKeyConstraintName: 'FK_criterion_target' })
  target?: Relation<CovenantTarget>;

  /** Order of the items as the table lists them. */
  @Column({ type: 'int' })
  position: number;
}
