import type { Page } from '@playwright/test';
import { campaignsShots } from './campaigns';
import { reportsShots } from './reports';
import { metricsShots } from './metrics';
import { briefingsShots } from './briefings';
import { resourcesShots } from './resources';
import { policyShots } from './policy';
import { mediaShots } from './media';
import { directoryShots } from './directory';

// The pictures of each area built after the directory and meetings, one module per area
// (scripts/screenshots/<area>.ts), taken on the sample coalition in the order listed.

export interface Shot {
  page: Page;
  /** The harness's address (navigate with `${url}#/route`). */
  url: string;
  /** Where the pictures go (docs/screenshots). */
  out: string;
  /** A scratch folder for files such as PDFs. */
  dataDir: string;
  /** Waits for the network to settle and writes `${out}/${name}.png`. */
  shot(name: string): Promise<void>;
}

export const AREA_SHOTS: Record<string, (shot: Shot) => Promise<void>> = {
  campaigns: campaignsShots,
  metrics: metricsShots,
  reports: reportsShots,
  briefings: briefingsShots,
  resources: resourcesShots,
  policy: policyShots,
  media: mediaShots,
  directory: directoryShots,
};
