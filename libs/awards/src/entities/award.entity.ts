import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { Bloc } from '#app/blocs';
import { Organization } from '#app/organizations';
import { AwardType } from './award-type.entity.js';

/**
 * An award granted to an organisation for a year by a decision (Quyết định số 125/QĐ-UBND…).
 * Its printed content is frozen when it is recorded: `contentHash` is the SHA-256 of that content
 * (see award-content.ts) and `verificationCode` lets anyone check a certificate against it.
 */
@Entity('award')
@Unique('UQ_award_type_organization_year', ['awardTypeCode', 'organizationId', 'year'])
@Unique('UQ_award_verification_code', ['verificationCode'])
@Check('CHK_award_year', `"year" BETWEEN 2000 AND 2100`)
@Index('IDX_award_year', ['year'])
@Index('IDX_award_bloc_year', ['blocId', 'year'])
@Index('IDX_award_organization', ['organizationId'])
export class Award {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 50 })
  awardTypeCode: string;

  @ManyToOne(() => AwardType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_type_code', referencedColumnName: 'code', foreignKeyConstraintName: 'FK_award_award_type' })
  awardType?: Relation<AwardType>;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_award_organization' })
  organization?: Relation<Organization>;

  /** The organisation's name as the decision names it; a later renaming does not change a granted award. */
  @Column({ type: 'varchar', length: 1000 })
  recipientName: string;

  /** The bloc in which the organisation earned it, when the award comes from a bloc's year. */
  @Column({ type: 'uuid', nullable: true })
  blocId: string | null;

  @ManyToOne(() => Bloc, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'bloc_id', foreignKeyConstraintName: 'FK_award_bloc' })
  bloc?: Relation<Bloc> | null;

  /** "Đã có thành tích xuất sắc …". */
  @Column({ type: 'text' })
  citation: string;

  @Column({ type: 'varchar', length: 100 })
  decisionNumber: string;

  @Column({ type: 'date' })
  decisionDate: string;

  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", printed in red above "TẶNG". */
  @Column({ type: 'varchar', length: 1000 })
  issuerTitle: string;

  @Column({ type: 'varchar', length: 1000 })
  signerTitle: string;

  @Column({ type: 'varchar', length: 1000 })
  signerName: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  place: string | null;

  /** Register number in the golden book (sổ vàng). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  goldenBookNumber: string | null;

  @Column({ type: 'varchar', length: 20 })
  verificationCode: string;

  /** SHA-256 (lowercase hex) of the canonical content, taken when the award was recorded. */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
