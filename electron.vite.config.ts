/**
 * electron-vite build of the three parts of the app, with explicit entries:
 *   main     main/app/index.ts  -> out/main/index.js   (ESM; package.json "main")
 *   preload  preload/index.ts   -> out/preload/index.cjs (CommonJS, self-contained: sandboxed
 *                                  preloads can require only 'electron', so zod is bundled in)
 *   renderer renderer/index.html -> out/renderer       (same settings as renderer/vite.config.ts,
 *                                  which the browser test host builds with)
 * The SQLCipher binding stays external in main: it is a native module, loaded from
 * node_modules or from the Electron-ABI build named by NCATS_NATIVE_BINDING.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const fromRoot = (p: string): string => resolve(root, p);

export default defineConfig({
  main: {
    build: {
      outDir: fromRoot('out/main'),
      // Bundle the pure-JS dependencies; only the native module is loaded at run time.
      externalizeDeps: false,
      sourcemap: false,
      rollupOptions: {
        input: { index: fromRoot('main/app/index.ts') },
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      outDir: fromRoot('out/preload'),
      externalizeDeps: false,
      sourcemap: false,
      rollupOptions: {
        input: { index: fromRoot('preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: fromRoot('renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: fromRoot('out/renderer'),
      emptyOutDir: true,
      sourcemap: false,
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      rollupOptions: { input: { index: fromRoot('renderer/index.html') } },
    },
  },
});
