import dayjs from 'dayjs';

/** '2025-03-12' → '12 Mar 2025'; what every screen shows for a calendar date. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const date = dayjs(isoDate);
  return date.isValid() ? date.format('D MMM YYYY') : isoDate;
}

/** Today as YYYY-MM-DD in the coordinator's time zone. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}
