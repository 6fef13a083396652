import type { Page } from '@playwright/test';
import type { Input, Method, Output } from '../../../shared/contract';
import type { CoalitionBridge } from '../../../shared/rpc';

// Steps several e2e stories share.

/** Collects page errors and console errors; a story ends by expecting the list to be empty. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** From the welcome screen, a new coalition with just a name. */
export async function startNewCoalition(page: Page, url: string, name = 'Harbor City Care Coalition'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start a new coalition' }).click();
  await page.getByLabel('Coalition name').fill(name);
  await page.getByRole('button', { name: 'Create coalition' }).click();
}

/** A sidebar link to an area. */
export function area(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Areas' }).getByRole('link', { name, exact: true });
}

/** The directory's organizations table. */
export function organizationsTable(page: Page) {
  return page.getByRole('table', { name: 'Organizations' });
}

/** Calls a method from the page, as the screens do: a story's setup that other stories cover through the forms. */
export async function rpc<M extends Method>(page: Page, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await page.evaluate(([m, i]) => (globalThis as unknown as { coalition: CoalitionBridge }).coalition.call(m, i), [method, input] as const);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as Output<M>;
}
