const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Why a YYYY-MM-DD string is not a day of the calendar ("February 2026 has
 * 28 days"), or undefined when it is one. JavaScript's Date rolls impossible
 * dates over (2026-02-30 becomes 2 March) instead of refusing them.
 */
export function impossibleDate(iso: string): string | undefined {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  if (year === 0) return 'there is no year 0000 (1 BC is followed by AD 1)';
  if (month < 1 || month > 12) return `there is no month ${String(month).padStart(2, '0')}: months are 01 to 12`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate(); // day 0 of the next month: the last of this one
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  return undefined;
}
