import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export const AWARD_LEVELS = ['national', 'provincial', 'local'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

/**
 * A form of commendation (hình thức khen thưởng), e.g. "Cờ thi đua của Ủy ban nhân dân tỉnh".
 * The catalogue is seeded by a migration; ballots and awards refer to it by code.
 */
@Entity('award_type')
@Check('CHK_award_type_level', `"level" IN ('national', 'provincial', 'local')`)
export class AwardType {
  @PrimaryColumn({ type: 'varchar', length: 50, primaryKeyConstraintName: 'PK_award_type' })
  code: string;

  @Column({ type: 'varchar', length: 1000 })
  name: string;

  /** Who grants it: the Prime Minister or Government (national), the province, or a department or district. */
  @Column({ type: 'varchar', length: 20 })
  level: AwardLevel;

  /** Order in lists, highest distinction first. */
  @Column({ type: 'int' })
  rank: number;
}
