import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One fixed window of attempts for one key (e.g. `login:account:admin`). Kept in PostgreSQL,
 * not in process memory, so that every API replica counts against the same limit.
 */
@Entity('rate_limit_counter')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 300, primaryKeyConstraintName: 'PK_rate_limit_counter' })
  key: string;

  @Column({ type: 'int' })
  hits: number;

  /** When the window ends; the next attempt after it starts a new window. */
  @Index('IDX_rate_limit_counter_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
