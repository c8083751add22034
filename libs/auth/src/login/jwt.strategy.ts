import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig, type AuthUser } from '#app/core';
import { UsersService } from '../users/users.service.js';

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
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.JWT_SECRET, ignoreExpiration: false, algorithms: ['HS256'] });
  }

  async validate(payload: TokenPayload): Promise<AuthUser> {
    const user = typeof payload.sub === 'string' ? await this.users.findActive(payload.sub) : null;
    if (!user) throw new UnauthorizedException('the account is disabled or no longer exists');
    return { id: user.id, username: user.username, role: user.role, organizationId: user.organizationId };
  }
}
