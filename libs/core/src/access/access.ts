import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

export const ROLES = ['admin', 'staff', 'unit'] as const;
export type Role = (typeof ROLES)[number];

/** The account behind a request, as the global guard resolved it from the bearer token. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  organizationId: string | null;
}

export const IS_PUBLIC = 'access:public';
export const ALLOWED_ROLES = 'access:roles';

/** Opt a route out of authentication. Every other route needs a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Restricts a route to account roles. `admin` may always call it. Rights that depend on the
 * bloc year (leader, deputy, own organisation) are checked by the service through
 * `BlocYearAccess`, since they need the record the route addresses.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
