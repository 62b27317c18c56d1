import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is served at /kiosk/ by the server and from app://kiosk in Electron.
  base: './',
  plugins: [
    react(),
    // A browser kiosk must start again with no network (a power cut, then a dead router): a service
    // worker precaches the app shell. Registered by the app itself, only in a browser (Electron loads
    // packaged files), and an update is applied only on the start screen, never mid-flow.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      filename: 'sw.js',
      workbox: {
        globPatterns: ['**/*.{html,js,css,woff2,woff}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Fonts are bundled as files (the kiosk is offline); never inlined as data: URLs.
    assetsInlineLimit: 0,
  },
});
