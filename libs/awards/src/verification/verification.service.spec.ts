import { describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { type AppConfig, type RateDecision, type RateLimiter, type RateRule, TooManyRequestsException } from '#app/core';
import { NOT_VERIFIED, VerificationService } from './verification.service.js';
import { VerificationSource, type VerifiedDocument } from './verified-document.js';

class FakeSource extends VerificationSource {
  readonly asked: string[] = [];
  constructor(private readonly known: Record<string, VerifiedDocument> = {}) {
    super();
  }
  async verify(code: string): Promise<VerifiedDocument | null> {
    this.asked.push(code);
    return this.known[code] ?? null;
  }
}

class FakeLimiter {
  readonly keys: string[] = [];
  constructor(private readonly allowed = true) {}
  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    this.keys.push(`${key}/${rule.limit}/${rule.windowSeconds}`);
    return { allowed: this.allowed, retryAfterSeconds: this.allowed ? 0 : 42 };
  }
}

const config = { VERIFY_REQUESTS_PER_MINUTE: 30 } as AppConfig;
const document: VerifiedDocument = { valid: true, kind: 'award', code: 'ABCD-EFGH-JKMN0', contentHash: 'f'.repeat(64), year: 2023 };

function service(sources: FakeSource[], limiter = new FakeLimiter()) {
  return new VerificationService(sources, limiter as unknown as RateLimiter, config);
}

describe('VerificationService', () => {
  it('asks every source, in canonical form, and answers the one that vouches for the code', async () => {
    const awards = new FakeSource({ 'ABCD-EFGH-JKMN0': document });
    const covenants = new FakeSource();
    await expect(service([awards, covenants]).verify('abcd efgh jkmno', '10.0.0.1')).resolves.toBe(document);
    expect(awards.asked).toEqual(['ABCD-EFGH-JKMN0']);
    expect(covenants.asked).toEqual(['ABCD-EFGH-JKMN0']);
  });

  it('does the same lookups for input that cannot be a code as for a plausible one, then the same 404', async () => {
    const source = new FakeSource();
    const verification = service([source]);
    for (const input of ['ZZZZ-ZZZZ-ZZZZZ', 'not a code', '']) {
      await expect(verification.verify(input, '10.0.0.1')).rejects.toEqual(new NotFoundException(NOT_VERIFIED));
    }
    expect(source.asked).toEqual(['ZZZZ-ZZZZ-ZZZZZ', '0000-0000-00000', '0000-0000-00000']);
  });

  it('counts every request against the caller’s address before looking anything up, and refuses with 429 past the limit', async () => {
    const source = new FakeSource({ 'ABCD-EFGH-JKMN0': document });
    const limiter = new FakeLimiter(false);
    const error = await service([source], limiter)
      .verify('ABCD-EFGH-JKMN0', '203.0.113.7')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequestsException);
    expect((error as TooManyRequestsException).retryAfterSeconds).toBe(42);
    expect(limiter.keys).toEqual(['verify:address:203.0.113.7/30/60']);
    expect(source.asked).toEqual([]);
  });
});
