import type { BrowserWindowConstructorOptions } from 'electron';

// The one window factory. It takes the BrowserWindow class as a parameter, so this module never
// loads 'electron' and its options are unit-tested in Node; the options literal sits at the
// `new BrowserWindow(...)` itself so electronegativity can read every flag.

export const WINDOW_TITLE = 'Coalition Desk';
/** Mantine's light body colour, so no dark flash shows before the first paint. */
export const WINDOW_BACKGROUND = '#ffffff';
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;

export interface MainWindowParams {
  /** Absolute path of the sandboxed CommonJS preload bundle. */
  preloadPath: string;
  bounds: { x?: number; y?: number; width: number; height: number };
  /** Developer tools exist only in development builds. */
  isDev: boolean;
  /** macOS checks spelling natively; elsewhere Chromium would download dictionaries, and the app is offline. */
  isMac: boolean;
}

export type MainWindowOptions = BrowserWindowConstructorOptions;
export type BrowserWindowClass<W> = new (options: MainWindowOptions) => W;

export function createMainWindow<W>(BrowserWindow: BrowserWindowClass<W>, params: MainWindowParams): W {
  const { x, y, width, height } = params.bounds;
  const position = x !== undefined && y !== undefined ? { x, y } : {};
  return new BrowserWindow({
    title: WINDOW_TITLE,
    ...position,
    width,
    height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false, // shown on ready-to-show, so the window never appears blank
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: {
      // The preload is the app's own bundle and exposes only the typed bridge (see electron/preload).
      preload: params.preloadPath, /* eng-disable PRELOAD_JS_CHECK */
      // Every security option is explicit: electronegativity's table of defaults stops at v10.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // enableBlinkFeatures is deliberately absent: no extra Blink features.
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      plugins: false,
      enableWebSQL: false,
      devTools: params.isDev,
      spellcheck: params.isMac,
    },
  });
}
