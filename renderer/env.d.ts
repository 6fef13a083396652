import type { CoalitionBridge } from '@shared/rpc';

declare global {
  interface Window {
    /** Put there by the preload (desktop app) or the harness script (browser); absent elsewhere. */
    coalition?: CoalitionBridge;
  }
}
