import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** An emulation bloc (khối / cụm thi đua), e.g. "Khối các Hội đặc thù". Its members are set per year. */
@Entity('bloc')
@Unique('UQ_bloc_name_key', ['nameKey'])
export class Bloc {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 1000 })
  name: string;

  /** Same key as organisations use: names equal after NFC, trimming, spacing and case are the same bloc. */
  @Column({ type: 'varchar', length: 1000, select: false })
  nameKey: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
