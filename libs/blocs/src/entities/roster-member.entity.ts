import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import type { RosterRole } from '#app/auth';
import { Organization } from '#app/organizations';
import { BlocYear } from './bloc-year.entity.js';

/**
 * An organisation in a bloc's roster for one year. The database keeps a bloc year to one row
 * per organisation, at most one leader and at most one deputy; "exactly one leader" is checked
 * by the service, since a partial index cannot require that a row exists.
 */
@Entity('roster_member')
@Unique('UQ_roster_member_organization', ['blocYearId', 'organizationId'])
@Index('UQ_roster_member_one_leader', ['blocYearId'], { unique: true, where: `"role" = 'leader'` })
@Index('UQ_roster_member_one_deputy', ['blocYearId'], { unique: true, where: `"role" = 'deputy'` })
@Index('IDX_roster_member_organization', ['organizationId'])
@Check('CHK_roster_member_role', `"role" IN ('leader', 'deputy', 'member')`)
export class RosterMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  blocYearId: string;

  @ManyToOne(() => BlocYear, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bloc_year_id', foreignKeyConstraintName: 'FK_roster_member_bloc_year' })
  blocYear?: Relation<BlocYear>;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_roster_member_organization' })
  organization?: Relation<Organization>;

  @Column({ type: 'varchar', length: 10 })
  role: RosterRole;

  /** The organisation's name when it joined this year's roster: past years keep the name they had. */
  @Column({ type: 'varchar', length: 1000 })
  organizationName: string;

  /** Order of the members as the roster listed them. */
  @Column({ type: 'int' })
  position: number;
}
