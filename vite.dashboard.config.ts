import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The district dashboard, served by the server at /admin/. */
export default defineConfig({
  root: 'dashboard',
  base: '/admin/',
  plugins: [react()],
  build: { outDir: '../dist/dashboard', emptyOutDir: true, target: 'chrome120', assetsInlineLimit: 0 },
});
