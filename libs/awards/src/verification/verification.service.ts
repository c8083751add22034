import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig, normalizeVerificationCode, RateLimiter, TooManyRequestsException } from '#app/core';
import type { VerificationSource, VerifiedDocument } from './verified-document.js';

/** Every kind of document that carries codes (awards, covenants), as one injectable list. */
export const VERIFICATION_SOURCES = Symbol('VERIFICATION_SOURCES');

/**
 * Looked up in place of input that cannot be a code, so that every source runs its usual query for
 * it too. Well formed; one chance in 2^65 of ever being issued.
 */
const STAND_IN = '0000-0000-00000';

/** The one answer for every miss: unknown, malformed or no longer matching its hash. */
export const NOT_VERIFIED = 'no valid document has this verification code';

@Injectable()
export class VerificationService {
  constructor(
    @Inject(VERIFICATION_SOURCES) private readonly sources: VerificationSource[],
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts the request against the caller's address first (codes cannot be enumerated faster than
   * the limit), then asks every source with the same queries whatever the input, so that neither
   * the answer nor its timing tells a near miss from a wild guess.
   */
  async verify(code: string, address: string): Promise<VerifiedDocument> {
    const decision = await this.limiter.consume(`verify:address:${address}`, { limit: this.config.VERIFY_REQUESTS_PER_MINUTE, windowSeconds: 60 });
    if (!decision.allowed) throw new TooManyRequestsException('too many verification requests from this address; retry later', decision.retryAfterSeconds);
    const canonical = normalizeVerificationCode(code) ?? STAND_IN;
    const answers = await Promise.all(this.sources.map((source) => source.verify(canonical)));
    const found = answers.find((answer) => answer !== null);
    if (!found) throw new NotFoundException(NOT_VERIFIED);
    return found;
  }
}
