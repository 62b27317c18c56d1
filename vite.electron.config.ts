import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string; description: string };
const OUT = 'dist/electron-app';

/**
 * The packaged Electron app is one folder (electron-builder's `directories.app`): main.cjs and
 * preload.cjs with everything they use bundled in, the built renderer, and a package.json of its
 * own with no dependencies, so the installer carries none of the district server's packages.
 */
function appFolder(): Plugin {
  let out = OUT;
  return {
    name: 'hai-long-electron-app-folder',
    configResolved(config) {
      out = config.build.outDir;
    },
    closeBundle() {
      rmSync(`${out}/renderer`, { recursive: true, force: true });
      if (existsSync('dist/renderer')) cpSync('dist/renderer', `${out}/renderer`, { recursive: true });
      else this.warn('dist/renderer is not built yet: the app folder has no renderer (run `npm run build`)');
      const manifest = {
        name: 'hai-long-kiosk',
        productName: 'Hài Lòng Kiosk',
        version: pkg.version,
        description: pkg.description,
        main: 'main.cjs',
        author: 'Hài Lòng',
        license: 'UNLICENSED',
      };
      writeFileSync(`${out}/package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

// Two builds (`--mode main`, `--mode preload`): a sandboxed preload must be a single file that
// requires nothing but Electron, so it cannot share chunks with the main process.
export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  const external = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
  return {
    publicDir: false,
    plugins: preload ? [] : [appFolder()],
    build: {
      outDir: OUT,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      target: 'node22',
      ssr: preload ? undefined : 'electron/main.ts',
      lib: preload ? { entry: 'electron/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' } : undefined,
      rollupOptions: {
        external,
        output: preload ? { codeSplitting: false } : { format: 'cjs', entryFileNames: 'main.cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
});
