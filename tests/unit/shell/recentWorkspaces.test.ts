import { describe, expect, it } from 'vitest';
import {
  addRecentWorkspace,
  parseRecentWorkspaces,
  RECENT_LIMIT,
  removeRecentWorkspace,
} from '../../../electron/main/state/recentWorkspaces';
import { withWorkspaceExtension, workspacePathFromArgv } from '../../../electron/main/workspaceFiles';

describe('recent workspaces', () => {
  it('reads a saved list of absolute paths, without duplicates', () => {
    expect(parseRecentWorkspaces(JSON.stringify(['/a/one.coalition', '/b/two.coalition', '/a/one.coalition']))).toEqual([
      '/a/one.coalition',
      '/b/two.coalition',
    ]);
  });

  it('drops entries that are not absolute paths', () => {
    expect(parseRecentWorkspaces(JSON.stringify(['/a/ok.coalition', 'relative.coalition', '', 42, null]))).toEqual(['/a/ok.coalition']);
  });

  it.each([null, '', 'not json', '{"paths": []}', '"x"'])('reads %j as an empty list', (text) => {
    expect(parseRecentWorkspaces(text)).toEqual([]);
  });

  it('keeps at most the limit', () => {
    const many = Array.from({ length: 15 }, (_, i) => `/w/${i}.coalition`);
    expect(parseRecentWorkspaces(JSON.stringify(many))).toHaveLength(RECENT_LIMIT);
    expect(RECENT_LIMIT).toBe(10);
  });

  it('puts an opened path first, moving it if it was already listed, and drops the oldest', () => {
    const list = Array.from({ length: RECENT_LIMIT }, (_, i) => `/w/${i}.coalition`);
    expect(addRecentWorkspace(list, '/w/3.coalition').slice(0, 2)).toEqual(['/w/3.coalition', '/w/0.coalition']);
    const added = addRecentWorkspace(list, '/w/new.coalition');
    expect(added[0]).toBe('/w/new.coalition');
    expect(added).toHaveLength(RECENT_LIMIT);
    expect(added).not.toContain(`/w/${RECENT_LIMIT - 1}.coalition`);
  });

  it('removes a path', () => {
    expect(removeRecentWorkspace(['/a.coalition', '/b.coalition'], '/a.coalition')).toEqual(['/b.coalition']);
  });
});

describe('workspace files', () => {
  it('adds the .coalition extension when the save dialog did not', () => {
    expect(withWorkspaceExtension('/home/ana/Housing')).toBe('/home/ana/Housing.coalition');
    expect(withWorkspaceExtension('/home/ana/Housing.coalition')).toBe('/home/ana/Housing.coalition');
    expect(withWorkspaceExtension('/home/ana/Housing.COALITION')).toBe('/home/ana/Housing.COALITION');
    expect(withWorkspaceExtension('/home/ana/notes.txt')).toBe('/home/ana/notes.txt.coalition');
  });

  it('finds a workspace file among launch arguments, ignoring flags and the program', () => {
    expect(workspacePathFromArgv(['/opt/Coalition Desk/coalition-desk', '/home/ana/Housing.coalition'])).toBe('/home/ana/Housing.coalition');
    expect(workspacePathFromArgv(['/usr/bin/electron', '.', '--inspect', '/home/ana/a.coalition', '--no-sandbox'])).toBe('/home/ana/a.coalition');
    expect(workspacePathFromArgv(['/opt/app', '--flag=/home/ana/a.coalition'])).toBeNull();
    expect(workspacePathFromArgv(['/opt/app', 'relative.coalition'])).toBeNull();
    expect(workspacePathFromArgv(['/opt/app', '/home/ana/notes.txt'])).toBeNull();
    expect(workspacePathFromArgv(['/home/ana/a.coalition'])).toBeNull();
  });
});
