import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with the library's defaults (memory-hard, 64 MiB, 3 passes). */
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  /**
   * Checks a password against a hash. With no hash (unknown account) it still runs one full
   * verification against a throw-away hash, so that unknown usernames cost the same time as
   * wrong passwords and cannot be told apart.
   */
  async verify(hash: string | undefined, password: string): Promise<boolean> {
    this.dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    try {
      const ok = await argon2.verify(hash ?? (await this.dummyHash), password);
      return ok && hash !== undefined;
    } catch {
      return false;
    }
  }
}
