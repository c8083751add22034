import { ValidateIf } from 'class-validator';

/**
 * Like `@IsOptional()`, but only an absent field skips validation: an explicit `null` is
 * validated like any value, so `{ "fullName": null }` is a 400 rather than a null that the
 * service (or a NOT NULL column) trips over. Use it for optional fields that cannot be null.
 */
export const Omittable = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
