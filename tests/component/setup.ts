import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait up to 5 s (the library's default is 1 s): a screen's first read through
// the real backend took longer than that on a busy two-core machine, and a slower one must not fail
// a test whose screen is right.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lacks the layout APIs Mantine's components call; these stand-ins do nothing visible.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = NoopResizeObserver;
Element.prototype.scrollIntoView = () => undefined;
Element.prototype.scrollTo = () => undefined;
window.scrollTo = () => undefined;
// TanStack Virtual sizes its window from the scroll element's client box, which jsdom leaves at
// 0 (so no rows would render). The directory table's viewport reports a laptop-sized box.
for (const [prop, size] of [['clientHeight', 800], ['clientWidth', 1200]] as const) {
  const native = Object.getOwnPropertyDescriptor(Element.prototype, prop);
  Object.defineProperty(HTMLElement.prototype, prop, {
    configurable: true,
    get(this: HTMLElement) {
      return this.hasAttribute('data-virtual-viewport') ? size : ((native?.get?.call(this) as number | undefined) ?? 0);
    },
  });
}
// recharts' ResponsiveContainer sizes its chart from its own box (getBoundingClientRect), which
// jsdom reports as 0 × 0, so no chart would be drawn. Its container reports a laptop-sized width
// and the height its style gives.
const nativeRect = Object.getOwnPropertyDescriptor(Element.prototype, 'getBoundingClientRect')?.value as (this: Element) => DOMRect;
HTMLElement.prototype.getBoundingClientRect = function getBoundingClientRect(this: HTMLElement): DOMRect {
  if (!this.classList.contains('recharts-responsive-container')) return nativeRect.call(this);
  const height = Number.parseFloat(this.style.height) || 300;
  const rect = { x: 0, y: 0, top: 0, left: 0, width: 640, height, right: 640, bottom: height };
  return { ...rect, toJSON: () => rect };
};
// Textarea autosize listens for web fonts finishing loading.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
});

afterEach(() => {
  cleanup();
  // The notifications store outlives the app between the tests of a file: a test's leftovers
  // would fill the visible slots (limit 4) and queue the next test's messages out of sight.
  notifications.clean();
  window.localStorage.clear();
  window.location.hash = '';
  delete window.coalition;
});
