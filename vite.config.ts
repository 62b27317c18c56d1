import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  // Relative asset paths: the same build is served at /kiosk/ by the server and from app://kiosk in Electron.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Fonts are bundled as files (the kiosk is offline); never inlined as data: URLs.
    assetsInlineLimit: 0,
  },
});
