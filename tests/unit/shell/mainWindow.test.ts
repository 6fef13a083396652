import { describe, expect, it } from 'vitest';
import {
  createMainWindow,
  MIN_WINDOW_SIZE,
  WINDOW_TITLE,
  type MainWindowOptions,
  type MainWindowParams,
} from '../../../electron/main/security/mainWindow';

// A stand-in for Electron's BrowserWindow that records the options it was built with.
class FakeWindow {
  constructor(readonly options: MainWindowOptions) {}
}

const params: MainWindowParams = {
  preloadPath: '/app/out/preload/index.cjs',
  bounds: { x: 10, y: 20, width: 1200, height: 800 },
  isDev: false,
  isMac: false,
};

function build(overrides: Partial<MainWindowParams> = {}): MainWindowOptions {
  return createMainWindow(FakeWindow, { ...params, ...overrides }).options;
}

describe('the main window factory', () => {
  it('sets every webPreferences security option explicitly', () => {
    const prefs = build().webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      plugins: false,
      enableWebSQL: false,
    });
    // No extra Blink features, and no other session or partition than the hardened default one.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs).not.toHaveProperty('session');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('loads only the given preload', () => {
    expect(build().webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });

  it('offers developer tools only in development', () => {
    expect(build({ isDev: false }).webPreferences?.devTools).toBe(false);
    expect(build({ isDev: true }).webPreferences?.devTools).toBe(true);
  });

  it('spell-checks only where it needs no download (macOS)', () => {
    expect(build({ isMac: false }).webPreferences?.spellcheck).toBe(false);
    expect(build({ isMac: true }).webPreferences?.spellcheck).toBe(true);
  });

  it('is titled, hidden until ready, light-backed and sized from the placement', () => {
    const options = build();
    expect(options).toMatchObject({ title: WINDOW_TITLE, show: false, backgroundColor: '#ffffff', x: 10, y: 20, width: 1200, height: 800 });
    expect(options.minWidth).toBe(MIN_WINDOW_SIZE.width);
    expect(options.minHeight).toBe(MIN_WINDOW_SIZE.height);
  });

  it('leaves the position to the system when the placement has none', () => {
    const options = build({ bounds: { width: 1000, height: 700 } });
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
    expect(options).toMatchObject({ width: 1000, height: 700 });
  });
});
