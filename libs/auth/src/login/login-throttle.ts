import { Injectable } from '@nestjs/common';
import { AppConfig, RateLimiter, TooManyRequestsException } from '#app/core';

export interface LoginAttempt {
  /** The attempt succeeded: it does not count against the limits. */
  succeeded(): Promise<void>;
}

/**
 * Limits failed logins per account and per client address (API.md). Each attempt takes a slot
 * from both counters before the password is checked, so that a parallel burst cannot test more
 * passwords than the limit; a successful login gives its slots back, so that an office that
 * shares one address never runs into the limit by logging in.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async begin(username: string, address: string): Promise<LoginAttempt> {
    const windowSeconds = this.config.loginFailureWindowSeconds;
    const keys = [
      { key: `login:address:${address}`, rule: { limit: this.config.LOGIN_FAILURES_PER_ADDRESS, windowSeconds } },
      { key: `login:account:${username.trim().toLowerCase()}`, rule: { limit: this.config.LOGIN_FAILURES_PER_ACCOUNT, windowSeconds } },
    ];
    const taken: string[] = [];
    for (const { key, rule } of keys) {
      const decision = await this.limiter.consume(key, rule);
      if (!decision.allowed) {
        await Promise.all(taken.map((k) => this.limiter.release(k)));
        throw new TooManyRequestsException(
          `too many failed logins; try again in ${decision.retryAfterSeconds} s`,
          decision.retryAfterSeconds,
        );
      }
      taken.push(key);
    }
    return { succeeded: () => Promise.all(taken.map((k) => this.limiter.release(k))).then(() => undefined) };
  }
}
