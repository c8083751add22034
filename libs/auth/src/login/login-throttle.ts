import { Injectable } from '@nestjs/common';
import { AppConfig, type RateDecision, RateLimiter, TooManyRequestsException } from '#app/core';

export interface LoginAttempt {
  /** The password was right: the attempt does not count. */
  succeeded(): Promise<void>;
  /** The password was wrong: the attempt counts against the address too. */
  failed(): Promise<void>;
}

/**
 * Limits failed logins per account and per client address (API.md).
 *
 * Per account, each attempt takes a slot before the password is checked and gives it back when
 * the password was right: a parallel burst cannot test more passwords on one account than the
 * limit. Per address, only decided failures count, after the check: however many people of one
 * office log in at the same moment, successful logins never use up the address's allowance.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async begin(username: string, address: string): Promise<LoginAttempt> {
    const windowSeconds = this.config.loginFailureWindowSeconds;
    const addressKey = `login:address:${address}`;
    const addressRule = { limit: this.config.LOGIN_FAILURES_PER_ADDRESS, windowSeconds };
    const accountKey = `login:account:${username.trim().toLowerCase()}`;
    refuseUnlessAllowed(await this.limiter.check(addressKey, addressRule));
    refuseUnlessAllowed(await this.limiter.consume(accountKey, { limit: this.config.LOGIN_FAILURES_PER_ACCOUNT, windowSeconds }));
    return {
      succeeded: () => this.limiter.release(accountKey),
      failed: async () => {
        await this.limiter.consume(addressKey, addressRule);
      },
    };
  }
}

function refuseUnlessAllowed(decision: RateDecision): void {
  if (!decision.allowed) {
    throw new TooManyRequestsException(`too many failed logins; try again in ${decision.retryAfterSeconds} s`, decision.retryAfterSeconds);
  }
}
