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

/**
 * Pasted at the top of a script run in the page (page.evaluate with a string: tsx would wrap a
 * function's inner helpers in a __name the page lacks): `call(method, input)` calls the backend
 * as the screens do and throws with the method's message when it is refused.
 */
export const IN_PAGE_CALL = `const call = async (method, input) => {
      const result = await window.coalition.call(method, input);
      if (!result.ok) throw new Error(method + ' failed: ' + result.error.message);
      return result.value;
    };`;

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
