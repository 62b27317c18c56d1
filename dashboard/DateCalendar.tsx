import { useContext } from 'react';
import { DayPicker } from 'react-day-picker';
import { enUS, vi } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { LocaleContext } from './i18n';

const pad = (n: number) => String(n).padStart(2, '0');
/** The calendar works in the browser's local days; the value is a calendar day, so no time zone enters. */
const localDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
const isoOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** A month's calendar in the page's language (weeks from Monday in Vietnamese), days outside min…max greyed. */
export default function DateCalendar({
  value,
  min,
  max,
  onPick,
}: {
  value: string;
  min?: string;
  max?: string;
  onPick: (iso: string) => void;
}) {
  const locale = useContext(LocaleContext);
  return (
    <DayPicker
      mode="single"
      locale={locale === 'vi' ? vi : enUS}
      selected={value ? localDate(value) : undefined}
      defaultMonth={localDate(value || max || isoOf(new Date()))}
      onSelect={(date) => date && onPick(isoOf(date))}
      disabled={[...(min ? [{ before: localDate(min) }] : []), ...(max ? [{ after: localDate(max) }] : [])]}
      captionLayout="dropdown"
      startMonth={new Date(2018, 0)}
      endMonth={new Date(new Date().getFullYear() + 1, 11)}
      autoFocus
    />
  );
}
