/**
 * The options of the one BrowserWindow, as a plain function so tests can check every security
 * setting without an Electron binary (tests/main/app/window-options.test.ts).
 *
 * The import below is type-only: it is erased at compile time and loads nothing.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'NCATS Casework';
/**
 * The window's colour before the renderer's first paint. It is the page's own background (the
 * `--bg` token in renderer/styles/tokens.css, checked by tests/main/app/window-background.test.ts),
 * so opening the app shows one calm grey throughout: no white flash, and no second grey that
 * the page then replaces.
 */
export const WINDOW_BACKGROUND = '#f0f4f5';

export interface WindowOptionsInput {
  /** Absolute path of the bundled, CommonJS preload script. */
  preloadPath: string;
  /** `app.isPackaged`: DevTools are available only in unpackaged (development) builds. */
  isPackaged: boolean;
}

/** Build the hardened BrowserWindow options. Every web preference here is deliberate. */
export function createWindowOptions({ preloadPath, isPackaged }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    backgroundColor: WINDOW_BACKGROUND,
    // Shown on 'ready-to-show', so the user never sees a half-painted window.
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      // The renderer is untrusted: isolate it from the preload and from Node entirely.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Spell-check dictionaries are downloaded from the network; the app never goes online.
      spellcheck: false,
      // Packaged builds have no DevTools: a locked-out user must not be able to read memory.
      devTools: !isPackaged,
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
      experimentalFeatures: false,
    },
  };
}
