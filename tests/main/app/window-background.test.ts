import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WINDOW_BACKGROUND, createWindowOptions } from '../../../main/app/window-options';

/** The value of one custom property in the renderer's tokens, as written there. */
function token(name: string): string {
  const css = readFileSync(new URL('../../../renderer/styles/tokens.css', import.meta.url), 'utf8');
  const found = new RegExp(`${name}:\\s*([^;]+);`).exec(css);
  if (!found?.[1]) throw new Error(`renderer/styles/tokens.css defines no ${name}`);
  return found[1].trim();
}

describe('the window background', () => {
  it('is the page background token, so nothing flashes before the first paint', () => {
    expect(token('--bg').toLowerCase()).toBe(WINDOW_BACKGROUND.toLowerCase());
    expect(createWindowOptions({ preloadPath: '/p.cjs', isPackaged: true }).backgroundColor).toBe(WINDOW_BACKGROUND);
  });
});
