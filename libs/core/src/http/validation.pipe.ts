import { BadRequestException, type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { normalizeDeep } from '../text/vietnamese.js';

/** Far deeper than any DTO; a body nested deeper would overflow the stack of the recursive steps below. */
export const MAX_INPUT_DEPTH = 32;

/**
 * The global pipe: every string of every body and query is brought to NFC before it is
 * validated, unknown fields are refused, and each message names the field (with its path
 * inside nested objects, e.g. `targets.0.title`).
 */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new BadRequestException(flattenErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if ((metadata.type === 'body' || metadata.type === 'query') && metadata.metatype && isDto(metadata.metatype)) {
      if (metadata.type === 'body' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        throw new BadRequestException('the request body must be a JSON object');
      }
    }
    if (nestedDeeperThan(value, MAX_INPUT_DEPTH)) throw new BadRequestException(`the ${metadata.type} is nested deeper than ${MAX_INPUT_DEPTH} levels`);
    return super.transform(normalizeDeep(value), metadata);
  }
}

/** Recurses at most `limit` levels, whatever the depth of `value`. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  return Object.values(value).some((v) => nestedDeeperThan(v, limit - 1));
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function isDto(metatype: Function): boolean {
  return ![String, Boolean, Number, Array, Object].includes(metatype as never);
}

export function flattenErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) =>
      // class-validator writes "name must be ..."; put the full path in front for nested fields
      parent && message.startsWith(error.property) ? `${parent}.${message}` : message,
    );
    return own.length > 0 ? own : flattenErrors(error.children ?? [], field);
  });
}
