import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  DEFAULT_WINDOW_STATE,
  parseWindowState,
  placeWindow,
  type Rect,
} from '../../../electron/main/state/windowState';

describe('parseWindowState', () => {
  it('reads saved bounds and the maximized flag', () => {
    const text = JSON.stringify({ bounds: { x: 40, y: 30, width: 1400, height: 900 }, isMaximized: true });
    expect(parseWindowState(text)).toEqual({ bounds: { x: 40, y: 30, width: 1400, height: 900 }, isMaximized: true });
  });

  it('rounds fractional values (scaled displays)', () => {
    const text = JSON.stringify({ bounds: { x: 10.4, y: 20.6, width: 1000.5, height: 700.2 }, isMaximized: false });
    expect(parseWindowState(text).bounds).toEqual({ x: 10, y: 21, width: 1001, height: 700 });
  });

  it.each([
    ['no file', null],
    ['an empty file', ''],
    ['bad JSON', '{"bounds": {'],
    ['JSON null', 'null'],
    ['a list', '[1,2,3]'],
    ['a string', '"maximized"'],
  ])('falls back to the defaults for %s', (_what, text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['missing fields', { x: 1, y: 2, width: 800 }],
    ['strings', { x: '1', y: 2, width: 800, height: 600 }],
    ['infinity (as JSON null)', { x: null, y: 2, width: 800, height: 600 }],
    ['a zero size', { x: 0, y: 0, width: 0, height: 600 }],
    ['a negative size', { x: 0, y: 0, width: 800, height: -5 }],
  ])('drops bounds with %s but keeps the rest', (_what, bounds) => {
    expect(parseWindowState(JSON.stringify({ bounds, isMaximized: true }))).toEqual({ bounds: null, isMaximized: true });
  });

  it('treats anything but true as not maximized', () => {
    expect(parseWindowState(JSON.stringify({ isMaximized: 'yes' })).isMaximized).toBe(false);
  });
});

describe('placeWindow', () => {
  const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
  const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('opens at the default size, centred by the system, on first run', () => {
    expect(placeWindow(DEFAULT_WINDOW_STATE, [laptop])).toEqual({ width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height });
  });

  it('never opens larger than a small primary display', () => {
    expect(placeWindow(DEFAULT_WINDOW_STATE, [{ x: 0, y: 0, width: 1024, height: 700 }])).toEqual({ width: 1024, height: 700 });
  });

  it('keeps bounds that are fully on a display', () => {
    const bounds = { x: 100, y: 80, width: 1200, height: 800 };
    expect(placeWindow({ bounds, isMaximized: false }, [laptop, rightMonitor])).toEqual(bounds);
  });

  it('keeps a window on the second display there', () => {
    const bounds = { x: 2100, y: 100, width: 1600, height: 1000 };
    expect(placeWindow({ bounds, isMaximized: false }, [laptop, rightMonitor])).toEqual(bounds);
  });

  it('pulls a window hanging off the edge fully onto the display it is mostly on', () => {
    const bounds = { x: 1500, y: -50, width: 1200, height: 800 };
    // 420 px on the laptop, 780 px on the monitor: it goes to the monitor.
    expect(placeWindow({ bounds, isMaximized: false }, [laptop, rightMonitor])).toEqual({ x: 1920, y: 0, width: 1200, height: 800 });
  });

  it('shrinks a window saved on a bigger display to fit', () => {
    const bounds = { x: 0, y: 0, width: 2400, height: 1300 };
    expect(placeWindow({ bounds, isMaximized: false }, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1050 });
  });

  it('falls back to the default when the display it was on is gone', () => {
    const bounds = { x: 2100, y: 100, width: 1600, height: 1000 };
    expect(placeWindow({ bounds, isMaximized: false }, [laptop])).toEqual({ width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height });
  });

  it('falls back to the default when only a sliver would be visible', () => {
    const bounds = { x: 1860, y: 100, width: 1000, height: 700 }; // 60 px on screen
    expect(placeWindow({ bounds, isMaximized: false }, [laptop])).not.toHaveProperty('x');
  });

  it('handles displays left of and above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1440, y: -200, width: 1440, height: 900 };
    const bounds = { x: -1400, y: -300, width: 1000, height: 700 };
    expect(placeWindow({ bounds, isMaximized: false }, [laptop, left])).toEqual({ x: -1400, y: -200, width: 1000, height: 700 });
  });

  it('uses the default size when no display is known', () => {
    const bounds = { x: 10, y: 10, width: 900, height: 600 };
    expect(placeWindow({ bounds, isMaximized: false }, [])).toEqual({ width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height });
  });
});
