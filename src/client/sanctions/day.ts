/** The day picker: a slider over the chart's span and a date field, kept in step; either moves the day. */
import { isIsoDay } from '../../domain/calendar';
import { dayAt, offsetOf, type Span } from './state';

export interface DayPicker {
  set: (day: string) => void;
}

export function bindDayPicker(form: HTMLFormElement, span: Span, onDay: (day: string) => void): DayPicker {
  const slider = form.querySelector<HTMLElement>('[data-day-slider]');
  const range = form.querySelector<HTMLInputElement>('[data-day-range]');
  const field = form.querySelector<HTMLInputElement>('input[type="date"][name="on"]');
  if (slider) slider.hidden = false;
  const set = (day: string) => {
    if (range) range.value = String(offsetOf(span, day));
    if (field) field.value = day;
  };
  // While sliding, the field follows at once; the list waits until the slider rests (onDay is debounced).
  range?.addEventListener('input', () => {
    const day = dayAt(span, Number(range.value));
    if (field) field.value = day;
    onDay(day);
  });
  field?.addEventListener('change', () => {
    if (!isIsoDay(field.value)) return;
    if (range) range.value = String(offsetOf(span, field.value));
    onDay(field.value);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (field && isIsoDay(field.value)) onDay(field.value);
  });
  return { set };
}
