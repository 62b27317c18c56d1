import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Writes the list of the build's files into the service worker (in place of `__PRECACHE__`), so it
 * can keep the whole app shell for offline starts. (vite-plugin-pwa does this with Workbox, but its
 * build tooling needs packages this workplace's registry does not serve.)
 */
function precacheManifest(): Plugin {
  return {
    name: 'hai-long-precache-manifest',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = [...new Set(['index.html', ...Object.keys(bundle)])]
        .filter((name) => name !== 'sw.js' && /\.(html|js|css|woff2?)$/.test(name))
        .sort();
      const sw = bundle['sw.js'];
      if (!sw || sw.type !== 'chunk') throw new Error('the service worker (renderer/sw.ts) was not built');
      if (!sw.code.includes('__PRECACHE__')) throw new Error('the service worker has no __PRECACHE__ to fill');
      sw.code = sw.code.replaceAll('__PRECACHE__', JSON.stringify(files));
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is served at /kiosk/ by the server and from app://kiosk in Electron.
  base: './',
  // The service worker keeps the app shell so a browser kiosk starts with no network (renderer/sw.ts).
  plugins: [react(), precacheManifest()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./renderer/index.html', import.meta.url)),
        sw: fileURLToPath(new URL('./renderer/sw.ts', import.meta.url)),
      },
      // The service worker keeps one name: browsers look for updates at the same address.
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js') },
    },
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Fonts are bundled as files (the kiosk is offline); never inlined as data: URLs.
    assetsInlineLimit: 0,
  },
});
