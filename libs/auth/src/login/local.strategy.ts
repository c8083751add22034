import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { AuthUser } from '#app/core';
import { PasswordHasher } from '../users/password-hasher.js';
import { UsersService } from '../users/users.service.js';
import { LoginThrottle } from './login-throttle.js';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: { ip: string }, username: string, password: string): Promise<AuthUser> {
    const attempt = await this.throttle.begin(username, request.ip);
    const user = await this.users.findForLogin(username);
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok || user.disabled) {
      await attempt.failed();
      throw new UnauthorizedException('wrong username or password');
    }
    await attempt.succeeded();
    return { id: user.id, username: user.username, role: user.role, organizationId: user.organizationId };
  }
}
