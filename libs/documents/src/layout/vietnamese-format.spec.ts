import { describe, expect, it } from '@jest/globals';
import { instant, longDate, number, percent, placeAndDate, quantity, roman, shortDate, vietnamDate } from './vietnamese-format.js';

describe('Vietnamese administrative formats', () => {
  it('writes dates as Decree 30 says: a leading zero for days below 10 and for January and February only', () => {
    expect(longDate('2023-03-03')).toBe('ngày 03 tháng 3 năm 2023');
    expect(longDate('2024-01-15')).toBe('ngày 15 tháng 01 năm 2024');
    expect(longDate('2024-02-09')).toBe('ngày 09 tháng 02 năm 2024');
    expect(longDate('2023-12-25')).toBe('ngày 25 tháng 12 năm 2023');
  });

  it('leaves blanks to fill by hand when the date or place is not known', () => {
    expect(placeAndDate('Hà Tĩnh', '2023-03-03')).toBe('Hà Tĩnh, ngày 03 tháng 3 năm 2023');
    expect(placeAndDate(null, null, 2023)).toBe('……………, ngày …… tháng …… năm 2023');
  });

  it('cites decisions with a short date and prints instants in Vietnam time', () => {
    expect(shortDate('2024-01-05')).toBe('05/01/2024');
    expect(instant(new Date('2023-03-02T20:15:00Z'))).toBe('03:15 ngày 03/03/2023');
    expect(vietnamDate(new Date('2023-12-31T18:00:00Z'))).toBe('2024-01-01');
  });

  it('groups digits with dots and uses a decimal comma', () => {
    expect(number(1234.5)).toBe('1.234,5');
    expect(percent(85.714)).toBe('85,71%');
    expect(quantity(1500, 'hội viên')).toBe('1.500 hội viên');
    expect(quantity(100, '% cán bộ hoàn thành nhiệm vụ')).toBe('100% cán bộ hoàn thành nhiệm vụ');
    expect(roman(4)).toBe('IV');
    expect(roman(9)).toBe('IX');
  });
});
