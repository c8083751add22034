import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { IsString, MaxLength } from 'class-validator';
import { Omittable } from './omittable.js';
import { AppValidationPipe, MAX_INPUT_DEPTH } from './validation.pipe.js';

class Dto {
  @Omittable()
  @IsString()
  @MaxLength(10)
  name?: string;
}

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('AppValidationPipe', () => {
  const pipe = new AppValidationPipe();
  const body = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Dto });

  it('refuses a body nested deeper than the limit with a 400, however deep', async () => {
    const message = async (value: unknown) => JSON.stringify(await body(value).catch((e: BadRequestException) => e.getResponse()));
    for (const depth of [MAX_INPUT_DEPTH, 100_000]) expect(await message({ name: 'x', extra: nested(depth) })).toContain('nested deeper');
    // Below the limit the ordinary rules answer.
    expect(await message({ name: 'x', extra: nested(3) })).toContain('extra should not exist');
  });

  it('refuses numbers too small to be written without an exponent, naming the field', async () => {
    const message = async (value: unknown) => JSON.stringify(await body(value).catch((e: BadRequestException) => e.getResponse()));
    for (const tiny of [1e-7, -4e-323, 5e-324]) expect(await message({ name: 'x', extra: { score: tiny } })).toContain('extra.score must be 0 or at least');
    expect(await message({ name: 'x', extra: { score: 0.000001 } })).toContain('extra should not exist');
  });

  it('lets an omittable field be absent, but not null', async () => {
    await expect(body({})).resolves.toEqual(new Dto());
    await expect(body({ name: null })).rejects.toThrow(BadRequestException);
    await expect(body({ name: 'Hội' })).resolves.toMatchObject({ name: 'Hội' });
  });
});
