import { BadRequestException, type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { normalizeDeep } from '../text/vietnamese.js';

/** Far deeper than any DTO; a body nested deeper would overflow the stack of the recursive steps below. */
export const MAX_INPUT_DEPTH = 32;
/** Below this, JavaScript writes a number with an exponent (1e-7), which class-validator's decimal check cannot read. */
const SMALLEST_NUMBER = 1e-6;

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
    const unsafe = unsafeInput(value, '', MAX_INPUT_DEPTH);
    if (unsafe) throw new BadRequestException(unsafe.replace('$input', `the ${metadata.type}`));
    return super.transform(normalizeDeep(value), metadata);
  }
}

/**
 * Input that the validators below would crash on instead of refusing: nesting deep enough to
 * overflow the stack, and non-zero numbers too small to write without an exponent. Recurses at
 * most `depth` levels, whatever the depth of `value`.
 */
function unsafeInput(value: unknown, path: string, depth: number): string | undefined {
  if (typeof value === 'number') {
    return value !== 0 && Math.abs(value) < SMALLEST_NUMBER ? `${path || '$input'} must be 0 or at least ${SMALLEST_NUMBER} in size` : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth === 0) return `$input is nested deeper than ${MAX_INPUT_DEPTH} levels`;
  for (const [key, child] of Object.entries(value)) {
    const problem = unsafeInput(child, path ? `${path}.${key}` : key, depth - 1);
    if (problem) return problem;
  }
  return undefined;
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
