import type { Method } from '@shared/contract';

/** Every reports read: a save or a delete refreshes them. */
export const REPORT_READS = ['reports.list', 'reports.get'] as const satisfies readonly Method[];

export const reportHref = (id: string) => `/reports/${id}`;
