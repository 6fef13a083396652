import type { Method } from '@shared/contract';

/** Every metrics read: entering a value or a target, or a response, may change any of them. */
export const METRIC_READS = [
  'metrics.catalogue',
  'metrics.get',
  'metrics.dashboard',
  'metrics.drill',
  'surveys.list',
  'surveys.get',
  'surveys.responses',
  'surveys.results',
  'surveys.compare',
  'history.list',
] as const satisfies readonly Method[];

export const metricHref = (id: string) => `/metrics/catalogue/${id}`;
export const surveyHref = (id: string) => `/metrics/surveys/${id}`;
export const roundHref = (surveyId: string, roundId: string) => `/metrics/surveys/${surveyId}/rounds/${roundId}`;

/** A figure with its unit: 1,234 visits; money is shown per currency by `formatMoney`. */
export function formatValue(value: number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return '—';
  const number = value.toLocaleString('en', { maximumFractionDigits: 2 });
  return unit && unit !== 'money' && unit !== 'amount' ? `${number} ${unit}` : number;
}

/** An amount in a currency (major units): "$1,200.50", "€50.00"; a code the runtime does not know prints as "1,200.50 XYZ". */
export function formatMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${value.toLocaleString('en')} ${currency}`;
  }
}
