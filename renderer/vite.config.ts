import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the renderer into out/renderer. The same build is loaded by the Electron shell
 * (over the app:// protocol) and by the browser test host, so every asset URL is relative.
 */
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // The app is offline and reads nothing from the network; a source map would only help an
    // attacker with the laptop, so none is shipped.
    sourcemap: false,
    // The CSP forbids inline scripts, so Vite must not inline its module preload helper.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
