import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { Covenant } from './covenant.entity.js';

const decimal = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** One numbered target (nội dung / chỉ tiêu) of a covenant, with an optional measurable indicator. */
@Entity('covenant_target')
@Unique('UQ_covenant_target_number', ['covenantId', 'number'])
@Check('CHK_covenant_target_number', `"number" >= 1`)
@Check('CHK_covenant_target_indicator', `("indicator_unit" IS NULL) = ("target_value" IS NULL) AND ("baseline" IS NULL OR "indicator_unit" IS NOT NULL)`)
export class CovenantTarget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  covenantId: string;

  @ManyToOne(() => Covenant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'covenant_id', foreignKeyConstraintName: 'FK_covenant_target_covenant' })
  covenant?: Relation<Covenant>;

  /** 1..n in the order the covenant lists them. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 1000 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The emulation movement (phong trào thi đua) the target serves, by name. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  movement: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  indicatorUnit: string | null;

  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true, transformer: decimal })
  targetValue: number | null;

  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true, transformer: decimal })
  baseline: number | null;
}
