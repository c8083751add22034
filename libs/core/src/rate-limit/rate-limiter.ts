import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface RateRule {
  /** Attempts allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the key's window ends (0 when allowed). */
  retryAfterSeconds: number;
}

const PURGE_EVERY_MS = 60_000;

/**
 * Fixed-window counters in PostgreSQL shared by all replicas. `consume` takes one attempt
 * in a single atomic upsert: concurrent requests serialise on the row, so a burst can never
 * get more than `limit` attempts through, whatever the number of processes.
 */
@Injectable()
export class RateLimiter {
  private lastPurge = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    this.purgeNowAndThen();
    // The WHERE of ON CONFLICT leaves a full, unexpired window untouched: no row comes back.
    const taken: unknown[] = await this.dataSource.query(
      `INSERT INTO rate_limit_counter AS c (key, hits, expires_at)
       VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN c.expires_at <= now() THEN 1 ELSE c.hits + 1 END,
         expires_at = CASE WHEN c.expires_at <= now() THEN excluded.expires_at ELSE c.expires_at END
       WHERE c.expires_at <= now() OR c.hits < $3
       RETURNING hits`,
      [key, rule.windowSeconds, rule.limit],
    );
    if (taken.length > 0) return { allowed: true, retryAfterSeconds: 0 };
    const [row] = (await this.dataSource.query(
      `SELECT greatest(1, ceil(extract(epoch FROM expires_at - now())))::int AS wait FROM rate_limit_counter WHERE key = $1`,
      [key],
    )) as { wait: number }[];
    return { allowed: false, retryAfterSeconds: row?.wait ?? 1 };
  }

  /** Whether `consume` would be allowed now, without taking anything. */
  async check(key: string, rule: RateRule): Promise<RateDecision> {
    const [row] = (await this.dataSource.query(
      `SELECT hits, greatest(1, ceil(extract(epoch FROM expires_at - now())))::int AS wait FROM rate_limit_counter WHERE key = $1 AND expires_at > now()`,
      [key],
    )) as { hits: number; wait: number }[];
    return !row || row.hits < rule.limit ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: row.wait };
  }

  /** Gives back one attempt taken by `consume` that turned out not to count (e.g. a successful login). */
  async release(key: string): Promise<void> {
    await this.dataSource.query(`UPDATE rate_limit_counter SET hits = hits - 1 WHERE key = $1 AND hits > 0 AND expires_at > now()`, [key]);
  }

  /** Deletes finished windows so that the table stays as small as the set of recent keys. */
  async purgeExpired(): Promise<number> {
    const [, count] = (await this.dataSource.query(`DELETE FROM rate_limit_counter WHERE expires_at <= now()`)) as [unknown, number];
    return count;
  }

  private purgeNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    // Best effort: a failed purge only leaves stale rows for the next one.
    this.purgeExpired().catch(() => undefined);
  }
}
