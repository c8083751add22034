import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { AuthUser } from '#app/core';
import { PasswordHasher } from '../users/password-hasher.js';
import { UsersService } from '../users/users.service.js';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
  ) {
    super({ usernameField: 'username', passwordField: 'password' });
  }

  async validate(username: string, password: string): Promise<AuthUser> {
    const user = await this.users.findForLogin(username);
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok || user.disabled) throw new UnauthorizedException('wrong username or password');
    return { id: user.id, username: user.username, role: user.role, organizationId: user.organizationId };
  }
}
