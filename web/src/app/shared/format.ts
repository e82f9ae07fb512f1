/** Numbers and dates for the reader's locale (Intl picks it from the browser). */
const integerFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeSecondsFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

export function formatDateTime(iso: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (withSeconds ? dateTimeSecondsFormat : dateTimeFormat).format(date);
}

/** "1 person", "12 people" */
export function formatPeople(count: number): string {
  return `${formatInteger(count)} ${count === 1 ? 'person' : 'people'}`;
}

/** Month names in the reader's language, January first. */
export function monthNames(style: 'long' | 'short' = 'long'): string[] {
  const format = new Intl.DateTimeFormat(undefined, { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, index) => format.format(new Date(Date.UTC(2024, index, 1))));
}

/** "2025-10" → "Oct 2025" */
export function formatMonthLabel(label: string, style: 'long' | 'short' = 'short'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return label;
  const format = new Intl.DateTimeFormat(undefined, { month: style, year: 'numeric', timeZone: 'UTC' });
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}
