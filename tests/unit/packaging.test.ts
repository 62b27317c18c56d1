import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder's own validation (its JSON schema), as `npm run dist` would apply it.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: (config: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
};

interface BuilderConfig {
  productName: string;
  directories: { app: string };
  asar: boolean;
  icon: string;
  win: { target: string[]; signtoolOptions?: { publisherName?: string[] }; verifyUpdateCodeSignature?: boolean };
  linux: { target: string[] };
  electronFuses: Record<string, boolean>;
  publish: unknown[];
}
const load = async () => JSON.parse(await readFile('build/electron-builder.json', 'utf8')) as BuilderConfig;
const validate = (config: unknown) => validateConfiguration(config, { isEnabled: false, add: () => undefined });

describe('packaging (build/electron-builder.json)', () => {
  it('is a configuration electron-builder accepts', async () => {
    await expect(validate(await load())).resolves.toBeUndefined();
    // …and the check can fail: a misspelt option is refused.
    await expect(validate({ ...(await load()), electronFusez: {} })).rejects.toThrow(/electronFusez/);
  });

  it('names the product, packs only the bundled app folder, and targets NSIS, AppImage and .deb', async () => {
    const config = await load();
    expect(config.productName).toBe('Hài Lòng Kiosk');
    expect(config.directories.app).toBe('dist/electron-app');
    expect(config.asar).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.icon).toBe('build/icon.png');
    const icon = await readFile(config.icon);
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width: electron-builder wants 512 for every target
  });

  it('turns off the fuses that let a kiosk be driven as plain Node, and checks the asar', async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('installs on Windows only updates signed by the publisher named at build time', async () => {
    expect((await load()).win).toMatchObject({
      signtoolOptions: { publisherName: ['${env.HAILONG_PUBLISHER_NAME}'] },
      verifyUpdateCodeSignature: true,
    });
  });

  it('publishes to the district server’s generic update feed', async () => {
    expect((await load()).publish).toEqual([{ provider: 'generic', url: '${env.HAILONG_UPDATE_URL}' }]);
  });
});
