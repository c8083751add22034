import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

class ParseYearPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) throw new BadRequestException(`${this.name} must be an integer from ${MIN_YEAR} to ${MAX_YEAR}`);
    return year;
  }
}

/** A path parameter that must be a year 2000–2100: anything else is a 400 naming the parameter. */
export const YearParam = (name: string) => Param(name, new ParseYearPipe(name));
