import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import type { Role } from '#app/core';
import { Organization } from '#app/organizations';

@Entity('app_user')
@Unique('UQ_app_user_username', ['username'])
@Check('CHK_app_user_role', `"role" IN ('admin', 'staff', 'unit')`)
@Check('CHK_app_user_unit_has_organization', `"role" <> 'unit' OR "organization_id" IS NOT NULL`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored in lower case: logins are case-insensitive. */
  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 1000 })
  fullName: string;

  @Column({ type: 'varchar', length: 10 })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_app_user_organization' })
  organization?: Relation<Organization>;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
