import { AuditLogEntry, RateLimitCounter } from '#app/core';
import { User } from '#app/auth';
import { Bloc, BlocYear, RosterMember } from '#app/blocs';
import { Covenant, CovenantSignature, CovenantTarget } from '#app/covenants';
import { Organization } from '#app/organizations';

/** Every entity of the application: the Nest module, the migration CLI and the tests share this list. */
export const ENTITIES = [AuditLogEntry, Organization, RateLimitCounter, User, Bloc, BlocYear, RosterMember, Covenant, CovenantTarget, CovenantSignature];
