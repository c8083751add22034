import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { User } from '#app/auth';
import { Organization } from '#app/organizations';
import { Covenant } from './covenant.entity.js';

export const SIGNATURE_ROLES = ['member', 'witness'] as const;
export type SignatureRole = (typeof SIGNATURE_ROLES)[number];

/** One organisation's signature on a covenant: a member of the roster, or a witness. Never changed. */
@Entity('covenant_signature')
@Unique('UQ_covenant_signature_organization', ['covenantId', 'organizationId'])
@Index('IDX_covenant_signature_organization', ['organizationId'])
@Check('CHK_covenant_signature_role', `"role" IN ('member', 'witness')`)
export class CovenantSignature {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  covenantId: string;

  @ManyToOne(() => Covenant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'covenant_id', foreignKeyConstraintName: 'FK_covenant_signature_covenant' })
  covenant?: Relation<Covenant>;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_covenant_signature_organization' })
  organization?: Relation<Organization>;

  /** The organisation's name when it signed (printed on the covenant). */
  @Column({ type: 'varchar', length: 1000 })
  organizationName: string;

  @Column({ type: 'varchar', length: 10 })
  role: SignatureRole;

  @Column({ type: 'varchar', length: 1000 })
  signerName: string;

  @Column({ type: 'varchar', length: 1000 })
  signerTitle: string;

  /** The content hash the signer was shown: equal to the covenant's at the time of signing. */
  @Column({ type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'timestamptz' })
  signedAt: Date;

  /** The account that recorded the signature. */
  @Column({ type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'FK_covenant_signature_recorded_by' })
  recordedBy?: Relation<User>;
}
