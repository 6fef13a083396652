import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions, type MenuFlags } from '../../../electron/main/menu/template';

function actions() {
  return {
    newWorkspace: vi.fn<() => void>(),
    openWorkspace: vi.fn<() => void>(),
    openRecent: vi.fn<(path: string) => void>(),
    clearRecent: vi.fn<() => void>(),
    backupToFile: vi.fn<() => void>(),
    restoreFromFile: vi.fn<() => void>(),
    undoLastChange: vi.fn<() => void>(),
    about: vi.fn<() => void>(),
    learnMore: vi.fn<() => void>(),
  } satisfies MenuActions;
}

type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

const linux: MenuFlags = { isMac: false, isDev: false, recent: [] };

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const items = item?.submenu;
  if (!Array.isArray(items)) throw new Error(`no submenu in ${item?.label ?? item?.role ?? '?'}`);
  return items;
}

function top(template: MenuItemConstructorOptions[], name: string): MenuItemConstructorOptions {
  const item = template.find((m) => m.label === name || m.role === name);
  if (!item) throw new Error(`no ${name} menu`);
  return item;
}

/** What a person sees: labels, roles, or '—' for separators. */
function shape(items: MenuItemConstructorOptions[]): string[] {
  return items.map((i) => (i.type === 'separator' ? '—' : (i.label ?? i.role ?? '?')));
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error('item has no click');
  (item.click as () => void)();
}

describe('the application menu', () => {
  it('has File, Edit, View and Help, in that order', () => {
    expect(shape(buildMenuTemplate(linux, actions()))).toEqual(['File', 'Edit', 'View', 'help']);
  });

  it('lists the File items in order, ending with Quit', () => {
    const file = submenu(top(buildMenuTemplate(linux, actions()), 'File'));
    expect(shape(file)).toEqual(['New workspace…', 'Open workspace…', 'Open Recent', '—', 'Back up to encrypted file…', 'Restore from encrypted file…', '—', 'Quit']);
    expect(file.find((i) => i.id === 'file.quit')?.role).toBe('quit');
  });

  it('offers backing up to and restoring from an encrypted file, run in the window', () => {
    const a = actions();
    const file = submenu(top(buildMenuTemplate(linux, a), 'File'));
    const backup = file.find((i) => i.id === 'file.backup');
    const restore = file.find((i) => i.id === 'file.restore');
    expect(backup).toMatchObject({ label: 'Back up to encrypted file…' });
    expect(restore).toMatchObject({ label: 'Restore from encrypted file…' });
    (backup?.click as () => void)();
    expect(a.backupToFile).toHaveBeenCalledTimes(1);
    (restore?.click as () => void)();
    expect(a.restoreFromFile).toHaveBeenCalledTimes(1);
  });

  it('runs the workspace commands from New and Open', () => {
    const a = actions();
    const file = submenu(top(buildMenuTemplate(linux, a), 'File'));
    click(file.find((i) => i.id === 'file.new'));
    click(file.find((i) => i.id === 'file.open'));
    expect(a.newWorkspace).toHaveBeenCalledOnce();
    expect(a.openWorkspace).toHaveBeenCalledOnce();
    expect(file.find((i) => i.id === 'file.new')?.accelerator).toBe('CmdOrCtrl+N');
    expect(file.find((i) => i.id === 'file.open')?.accelerator).toBe('CmdOrCtrl+O');
  });

  it('lists recent workspaces newest first, opens the one clicked, and can clear them', () => {
    const a = actions();
    const recent = ['/home/ana/Housing coalition.coalition', '/home/ana/Health & Care.coalition'];
    const file = submenu(top(buildMenuTemplate({ ...linux, recent }, a), 'File'));
    const items = submenu(file.find((i) => i.id === 'file.recent'));
    // `&` is doubled so Windows and Linux show it instead of making a mnemonic.
    expect(shape(items)).toEqual(['/home/ana/Housing coalition.coalition', '/home/ana/Health && Care.coalition', '—', 'Clear Recent']);
    click(items[1]);
    expect(a.openRecent).toHaveBeenCalledWith('/home/ana/Health & Care.coalition');
    const clear = items.find((i) => i.id === 'file.recent.clear');
    expect(clear?.enabled).toBe(true);
    click(clear);
    expect(a.clearRecent).toHaveBeenCalledOnce();
  });

  it('says when there are no recent workspaces and disables Clear', () => {
    const items = submenu(submenu(top(buildMenuTemplate(linux, actions()), 'File')).find((i) => i.id === 'file.recent'));
    expect(shape(items)).toEqual(['No recent workspaces', '—', 'Clear Recent']);
    expect(items[0]?.enabled).toBe(false);
    expect(items.find((i) => i.id === 'file.recent.clear')?.enabled).toBe(false);
  });

  it('has the standard editing roles', () => {
    const edit = submenu(top(buildMenuTemplate(linux, actions()), 'Edit'));
    expect(shape(edit)).toEqual(['undo', 'redo', '—', 'Undo last change…', '—', 'cut', 'copy', 'paste', '—', 'selectAll']);
  });

  it('offers undoing the workspace’s last change without taking the text fields’ Ctrl+Z', () => {
    const a = actions();
    const edit = submenu(top(buildMenuTemplate(linux, a), 'Edit'));
    const item = edit.find((i) => i.id === 'edit.undoChange');
    expect(item?.accelerator).toBeUndefined();
    click(item);
    expect(a.undoLastChange).toHaveBeenCalledTimes(1);
    expect(edit.find((i) => i.role === 'undo')).toBeDefined();
  });

  it('hides reload and developer tools in production', () => {
    const view = submenu(top(buildMenuTemplate(linux, actions()), 'View'));
    expect(shape(view)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', '—', 'togglefullscreen']);
  });

  it('offers reload and developer tools in development', () => {
    const view = submenu(top(buildMenuTemplate({ ...linux, isDev: true }, actions()), 'View'));
    expect(shape(view)).toEqual(['reload', 'forceReload', 'toggleDevTools', '—', 'resetZoom', 'zoomIn', 'zoomOut', '—', 'togglefullscreen']);
  });

  it('has About and Learn more in Help', () => {
    const a = actions();
    const help = submenu(top(buildMenuTemplate(linux, a), 'help'));
    expect(shape(help)).toEqual(['About Coalition Desk', 'Learn more']);
    click(help[0]);
    click(help[1]);
    expect(a.about).toHaveBeenCalledOnce();
    expect(a.learnMore).toHaveBeenCalledOnce();
  });

  it('follows macOS conventions: an app menu first, Close instead of Quit, labels kept literal', () => {
    const template = buildMenuTemplate({ isMac: true, isDev: false, recent: ['/Users/ana/A & B.coalition'] }, actions());
    expect(shape(template)).toEqual(['appMenu', 'File', 'Edit', 'View', 'help']);
    const file = submenu(top(template, 'File'));
    expect(shape(file).at(-1)).toBe('close');
    expect(file.some((i) => i.role === 'quit')).toBe(false);
    expect(shape(submenu(file.find((i) => i.id === 'file.recent')))[0]).toBe('/Users/ana/A & B.coalition');
  });
});
