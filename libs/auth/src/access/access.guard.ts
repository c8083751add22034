import { type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ALLOWED_ROLES, type AuthUser, IS_PUBLIC, type Role } from '#app/core';

/**
 * The one global guard: every route needs a valid bearer token unless marked `@Public()`,
 * and a route marked `@Roles(...)` is refused (403) to other roles. `admin` passes everywhere.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await (super.canActivate(context) as Promise<boolean>);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    const user = context.switchToHttp().getRequest<{ user: AuthUser }>().user;
    if (roles && user.role !== 'admin' && !roles.includes(user.role)) {
      throw new ForbiddenException(`this action needs role ${roles.join(' or ')}`);
    }
    return true;
  }
}
