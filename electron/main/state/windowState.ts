// Where the window was, so it opens there again. Pure: parsing and placement are unit-tested.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** The normal (not maximized) bounds, or null on first run. */
  bounds: Rect | null;
  isMaximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: null, isMaximized: false };
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
/** How much of the title bar must be on a display for the saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

/** Reads a saved state; anything unreadable (missing, bad JSON, wrong shapes) gives the defaults. */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return DEFAULT_WINDOW_STATE;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (typeof data !== 'object' || data === null) return DEFAULT_WINDOW_STATE;
  const record = data as Record<string, unknown>;
  return {
    bounds: parseRect(record.bounds),
    isMaximized: record.isMaximized === true,
  };
}

function parseRect(value: unknown): Rect | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const { x, y, width, height } = r;
  if (![x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  const rect = { x: Math.round(x as number), y: Math.round(y as number), width: Math.round(width as number), height: Math.round(height as number) };
  return rect.width > 0 && rect.height > 0 ? rect : null;
}

export interface Placement {
  /** Absent when the window should be centred by the system. */
  x?: number;
  y?: number;
  width: number;
  height: number;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Places the window from its saved state on the displays that exist now (their work areas,
 * primary first). Saved bounds that still show enough of the window on some display are kept
 * and pulled fully onto that display (shrunk if the display got smaller); bounds on a display
 * that is gone, or no saved bounds, give the default size centred by the system.
 */
export function placeWindow(state: WindowState, workAreas: readonly Rect[]): Placement {
  const primary = workAreas[0];
  const fallback: Placement = {
    width: Math.min(DEFAULT_WINDOW_SIZE.width, primary?.width ?? DEFAULT_WINDOW_SIZE.width),
    height: Math.min(DEFAULT_WINDOW_SIZE.height, primary?.height ?? DEFAULT_WINDOW_SIZE.height),
  };
  const saved = state.bounds;
  if (!saved) return fallback;

  let best: { area: Rect; size: number } | null = null;
  for (const area of workAreas) {
    const o = overlap(saved, area);
    if (o.width < MIN_VISIBLE.width || o.height < MIN_VISIBLE.height) continue;
    const size = o.width * o.height;
    if (!best || size > best.size) best = { area, size };
  }
  if (!best) return fallback;

  const { area } = best;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}
