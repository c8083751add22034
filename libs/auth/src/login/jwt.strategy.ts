import { createSecretKey } from 'node:crypto';
import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig, type AuthUser } from '#app/core';
import { UsersService } from '../users/users.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TokenPayload {
  sub: string;
}

/**
 * Checks the bearer token and loads its account on every request, so that a disabled
 * account or a changed role takes effect at once rather than when the token expires.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: AppConfig,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries it as a PEM public key
      // and builds an exception on every request (measured: 7 % of the CPU of a covenant read).
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')) as unknown as Buffer,
      ignoreExpiration: false,
      algorithms: ['HS256'],
    });
  }

  async validate(payload: TokenPayload): Promise<AuthUser> {
    // A malformed id is no account (and must not reach PostgreSQL's uuid parser as a 500).
    const user = typeof payload.sub === 'string' && UUID.test(payload.sub) ? await this.users.findActive(payload.sub) : null;
    if (!user) throw new UnauthorizedException('the account is disabled or no longer exists');
    return user;
  }
}
