import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder.yml, read the way electron-builder reads it and checked against its schema.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, debugLogger: { add: (key: string, value: unknown) => void; isEnabled: boolean }) => Promise<void>;
};

type Config = Record<string, unknown> & { electronFuses: Record<string, boolean> };
const config = yaml.load(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', async () => {
    await expect(validateConfiguration(config, { add: () => undefined, isEnabled: false })).resolves.toBeUndefined();
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the build into an asar, with native modules unpacked', () => {
    expect(config).toMatchObject({
      appId: 'org.coalitiondesk.app',
      productName: 'Coalition Desk',
      asar: true,
      asarUnpack: ['**/*.node'],
      files: ['out/**', 'package.json'],
      directories: { output: 'dist' },
    });
  });

  it('targets AppImage and deb, NSIS and dmg', () => {
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'], category: 'Office' },
      win: { target: ['nsis'] },
      nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
      mac: { target: ['dmg'], category: 'public.app-category.productivity', hardenedRuntime: true },
    });
  });
});
