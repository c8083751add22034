/** Dates, instants and numbers as Vietnamese administrative documents write them. */

const VIETNAM_TIME = 'Asia/Ho_Chi_Minh';
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DayMonthYear {
  day: number;
  month: number;
  year: number;
}

function parseDate(iso: string): DayMonthYear {
  const m = DATE_RE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Decree 30: days below 10 and the months January and February take a leading zero. */
function dayPart(day: number): string {
  return String(day).padStart(2, '0');
}

function monthPart(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/** "ngày 03 tháng 3 năm 2023"; without a date, the blanks a clerk fills in by hand. */
export function longDate(iso: string | null, year?: number): string {
  if (!iso) return `ngày …… tháng …… năm ${year ?? '……'}`;
  const d = parseDate(iso);
  return `ngày ${dayPart(d.day)} tháng ${monthPart(d.month)} năm ${d.year}`;
}

/** The italic line under the national motto: "Hà Tĩnh, ngày 03 tháng 3 năm 2023". */
export function placeAndDate(place: string | null | undefined, iso: string | null, year?: number): string {
  return `${place?.trim() || '……………'}, ${longDate(iso, year)}`;
}

/** "15/01/2024", as a decision is cited. */
export function shortDate(iso: string): string {
  const d = parseDate(iso);
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

const INSTANT = new Intl.DateTimeFormat('en-GB', {
  timeZone: VIETNAM_TIME,
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** "09:30 ngày 03/03/2023", in Vietnam's time zone whatever the server's. */
export function instant(value: Date): string {
  const parts = Object.fromEntries(INSTANT.formatToParts(value).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}/${parts.year}`;
}

/** The calendar date in Vietnam of an instant, as an ISO date. */
export function vietnamDate(value: Date): string {
  const parts = Object.fromEntries(INSTANT.formatToParts(value).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "1.234,5": Vietnamese digit grouping and decimal comma. */
export function number(value: number): string {
  return NUMBER.format(value);
}

/** "12 buổi", "100% cán bộ…" (a unit that starts with % sticks to its number). */
export function quantity(value: number, unit: string): string {
  return `${number(value)}${unit.startsWith('%') ? '' : ' '}${unit}`;
}

export function percent(value: number): string {
  return `${NUMBER.format(value)}%`;
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Section numbers of a report: I, II, III… */
export function roman(value: number): string {
  let rest = value;
  let out = '';
  for (const [n, s] of ROMAN) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}
