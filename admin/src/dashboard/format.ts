// Figures as each language writes them: 92,20% and +0,44 điểm % in Vietnamese, 92.20% and +0.44 pp in
// English; and the links from a figure to the rows behind it.
import { intlLocale } from '../common/dates';
import type { Timeliness } from '../enums';

export function formatNumber(value: number, locale: string, decimals = 2): string {
  return value.toLocaleString(intlLocale(locale), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** 92.2 → "92,20%" (vi) or "92.20%" (en); null → "–". */
export function formatPercent(value: number | null | undefined, locale: string, decimals = 2): string {
  return typeof value === 'number' ? `${formatNumber(value, locale, decimals)}%` : '–';
}

/** A signed difference: "+0,44", "−1,17", "0,00". */
export function formatDelta(value: number | null | undefined, locale: string, decimals = 2): string {
  if (typeof value !== 'number') return '–';
  const text = formatNumber(Math.abs(value), locale, decimals);
  if (Number(value.toFixed(decimals)) === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

/** The address of a react-admin list with a filter, e.g. the tasks a unit leads that are overdue. */
export function listPath(resource: string, filter: Record<string, unknown>): string {
  return `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
}

export const openTimeliness: Timeliness[] = ['ON_TRACK', 'DUE_SOON', 'OVERDUE'];

/** The tasks a unit leads, optionally only those in some timeliness categories. */
export const unitTasksPath = (unitId: string, timeliness?: Timeliness[]) =>
  listPath('tasks', timeliness ? { leadUnit: unitId, timeliness } : { leadUnit: unitId });

export const showPath = (resource: string, id: string) => `/${resource}/${encodeURIComponent(id)}/show`;

/** First and last day of a month, "YYYY-MM-DD". */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** The units with tasks, most overdue first, then most open, then by name. */
export function unitRows<
  G extends { key: string; unit: { name: string } | null; overdue: number; open: number; total: number },
>(groups: G[]): (G & { label: string })[] {
  return groups
    .filter((group) => group.total > 0)
    .map((group) => ({ ...group, label: group.unit?.name ?? group.key }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.label.localeCompare(b.label));
}
