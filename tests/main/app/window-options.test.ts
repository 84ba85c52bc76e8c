import { describe, expect, it } from 'vitest';
import { WINDOW_TITLE, createWindowOptions } from '../../../main/app/window-options';

const preloadPath = '/opt/ncats/resources/app.asar/out/preload/index.cjs';

describe('createWindowOptions', () => {
  const packaged = createWindowOptions({ preloadPath, isPackaged: true });
  const web = packaged.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and risky features off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableWebSQL).toBe(false);
  });

  it('turns spell-check off (its dictionaries come from the network)', () => {
    expect(web.spellcheck).toBe(false);
  });

  it('has DevTools only in unpackaged builds', () => {
    expect(web.devTools).toBe(false);
    expect(createWindowOptions({ preloadPath, isPackaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('uses the given preload, hides the window until it is painted, and names it', () => {
    expect(web.preload).toBe(preloadPath);
    expect(packaged.show).toBe(false);
    expect(packaged.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('NCATS Casework');
    expect(packaged.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(packaged.width).toBeGreaterThanOrEqual(packaged.minWidth ?? 0);
    expect(packaged.height).toBeGreaterThanOrEqual(packaged.minHeight ?? 0);
  });

  it('sets no option that would weaken the sandbox', () => {
    const keys = Object.keys(web);
    for (const risky of ['contextIsolation', 'sandbox', 'webSecurity']) expect(keys).toContain(risky);
    expect(keys).not.toContain('additionalArguments');
    expect(keys).not.toContain('partition');
  });
});
