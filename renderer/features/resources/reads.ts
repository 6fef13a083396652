import type { Method } from '@shared/contract';

/** Every resources read: a pledge, payment, grant or in-kind change may show up in any of them. */
export const RESOURCE_READS = [
  'fundraising.list',
  'fundraising.get',
  'grants.list',
  'grants.get',
  'grants.due',
  'inKind.list',
  'funders.list',
  'resources.organization',
  'history.list',
] as const satisfies readonly Method[];

export const fundraisingHref = (id: string) => `/resources/fundraising/${id}`;
