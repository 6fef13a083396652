import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { createMainWindow } from './security/mainWindow';
import { readTextFile, writeJsonFile } from './state/jsonFile';
import { parseWindowState, placeWindow, type WindowState } from './state/windowState';

// Opens the app window where it was last left and remembers where it goes.

const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
const SAVE_DELAY_MS = 500;

function workAreasPrimaryFirst(): Electron.Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
}

function rememberState(window: BrowserWindow, stateFile: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (window.isDestroyed()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), isMaximized: window.isMaximized() };
    try {
      writeJsonFile(stateFile, state);
    } catch (error) {
      console.warn('[shell] could not save the window state:', error);
    }
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}

export function openMainWindow(options: { url: string; isDev: boolean; stateFile: string }): BrowserWindow {
  const saved = parseWindowState(readTextFile(options.stateFile));
  const window = createMainWindow(BrowserWindow, {
    preloadPath: PRELOAD,
    bounds: placeWindow(saved, workAreasPrimaryFirst()),
    isDev: options.isDev,
    isMac: process.platform === 'darwin',
  });
  window.once('ready-to-show', () => {
    if (saved.isMaximized) window.maximize();
    window.show();
  });
  rememberState(window, options.stateFile);
  window.loadURL(options.url).catch((error: unknown) => console.error('[shell] the window could not load the app:', error));
  return window;
}
