import { extname, isAbsolute } from 'node:path';

// Workspace file names and launch arguments. Pure: unit-tested.

export const WORKSPACE_EXTENSION = 'coalition';
export const WORKSPACE_FILTERS = [{ name: 'Coalition Desk workspace', extensions: [WORKSPACE_EXTENSION] }];

/** Save dialogs on Linux do not add the filter's extension; a workspace file always has it. */
export function withWorkspaceExtension(path: string): string {
  return extname(path).toLowerCase() === `.${WORKSPACE_EXTENSION}` ? path : `${path}.${WORKSPACE_EXTENSION}`;
}

/**
 * The workspace file the app was asked to open from the command line (a double-clicked
 * .coalition file, or a second launch), or null. Flags and anything else are ignored.
 */
export function workspacePathFromArgv(argv: readonly string[]): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (arg !== undefined && !arg.startsWith('-') && isAbsolute(arg) && extname(arg).toLowerCase() === `.${WORKSPACE_EXTENSION}`) {
      return arg;
    }
  }
  return null;
}
