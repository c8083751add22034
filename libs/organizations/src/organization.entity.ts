import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** A member organisation (đơn vị thành viên), e.g. "Hội Người mù tỉnh". */
@Entity('organization')
@Unique('UQ_organization_name_key', ['nameKey'])
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 1000 })
  name: string;

  /** NFC, trimmed, single-spaced, lower case: two names with the same key are the same organisation. */
  @Column({ type: 'varchar', length: 1000, select: false })
  nameKey: string;

  /** Accent-free lower-case name and short name, for search. */
  @Column({ type: 'text', select: false })
  searchKey: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  shortName: string | null;

  /** Title of the organisation's head, e.g. "Chủ tịch". */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  headTitle: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  headName: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  address: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
