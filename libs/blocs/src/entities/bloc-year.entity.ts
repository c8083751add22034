import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import { Bloc } from './bloc.entity.js';

export const PASS_BASES = ['members', 'votes_cast'] as const;
export type PassBase = (typeof PASS_BASES)[number];

/** Rules of a bloc year when nobody set them: more than half of all members, with at least half present. */
export const DEFAULT_RULES = { quorumPercent: 50, passPercent: 50, passBase: 'members' as PassBase };

const percent = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** One year of a bloc: its rules, and (through roster_member) its members. */
@Entity('bloc_year')
@Unique('UQ_bloc_year_bloc_year', ['blocId', 'year'])
@Check('CHK_bloc_year_year', `"year" BETWEEN 2000 AND 2100`)
@Check('CHK_bloc_year_quorum_percent', `"quorum_percent" BETWEEN 0 AND 100`)
@Check('CHK_bloc_year_pass_percent', `"pass_percent" BETWEEN 0 AND 100`)
@Check('CHK_bloc_year_pass_base', `"pass_base" IN ('members', 'votes_cast')`)
export class BlocYear {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  blocId: string;

  @ManyToOne(() => Bloc, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bloc_id', foreignKeyConstraintName: 'FK_bloc_year_bloc' })
  bloc?: Relation<Bloc>;

  @Column({ type: 'int' })
  year: number;

  /** The bloc's name when this year was first set up: a later rename does not rewrite past years. */
  @Column({ type: 'varchar', length: 1000 })
  blocName: string;

  /** Share of members that must take part for a vote to count ("at least"). */
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: percent })
  quorumPercent: number;

  /** Share of `passBase` a candidate must exceed to be elected ("more than"). */
  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: percent })
  passPercent: number;

  @Column({ type: 'varchar', length: 20 })
  passBase: PassBase;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
