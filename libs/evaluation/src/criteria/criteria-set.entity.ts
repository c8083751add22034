import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import { BlocYear } from '#app/blocs';

/**
 * The scoring table of one bloc year. Its row is what score sheets and criteria changes lock
 * against each other: a change takes it FOR UPDATE, a score sheet write FOR SHARE.
 */
@Entity('criteria_set')
@Unique('UQ_criteria_set_bloc_year', ['blocYearId'])
export class CriteriaSet {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  blocYearId: string;

  @ManyToOne(() => BlocYear, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bloc_year_id', foreignKeyConstraintName: 'FK_criteria_set_bloc_year' })
  blocYear?: Relation<BlocYear>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
