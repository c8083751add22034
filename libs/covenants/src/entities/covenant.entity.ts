import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import { BlocYear } from '#app/blocs';

export const COVENANT_STATUSES = ['draft', 'signing', 'in_force'] as const;
export type CovenantStatus = (typeof COVENANT_STATUSES)[number];

/**
 * The yearly covenant (giao ước thi đua) of a bloc: one per bloc year. Editable while `draft`;
 * from `signing` on its content is frozen and identified by `contentHash`.
 */
@Entity('covenant')
@Unique('UQ_covenant_bloc_year', ['blocYearId'])
@Unique('UQ_covenant_verification_code', ['verificationCode'])
@Index('IDX_covenant_content_hash', ['contentHash'])
@Check('CHK_covenant_status', `"status" IN ('draft', 'signing', 'in_force')`)
@Check('CHK_covenant_frozen_has_hash', `"status" = 'draft' OR ("content_hash" IS NOT NULL AND "verification_code" IS NOT NULL AND "opened_at" IS NOT NULL)`)
@Check('CHK_covenant_in_force_at', `("status" = 'in_force') = ("in_force_at" IS NOT NULL)`)
@Check('CHK_covenant_version', `"version" >= 1`)
export class Covenant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  blocYearId: string;

  @ManyToOne(() => BlocYear, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'bloc_year_id', foreignKeyConstraintName: 'FK_covenant_bloc_year' })
  blocYear?: Relation<BlocYear>;

  @Column({ type: 'varchar', length: 1000 })
  title: string;

  /** The year's slogan, e.g. "Giữ vững kỷ cương, tăng cường trách nhiệm, …". */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  theme: string | null;

  @Column({ type: 'text', nullable: true })
  preamble: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  place: string | null;

  /** The planned signing day (ISO date), printed on the document. */
  @Column({ type: 'date', nullable: true })
  signingDate: string | null;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: CovenantStatus;

  /** Raised by every change of the row; an edit must name the version it was made from. */
  @Column({ type: 'int', default: 1 })
  version: number;

  /** SHA-256 (lowercase hex) of the canonical content, set when the covenant is opened for signing. */
  @Column({ type: 'char', length: 64, nullable: true })
  contentHash: string | null;

  /** Code for the public verification endpoint, set when the covenant is opened for signing. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  verificationCode: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  /** When the last member signed. */
  @Column({ type: 'timestamptz', nullable: true })
  inForceAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
