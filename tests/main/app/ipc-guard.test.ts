import { describe, expect, it } from 'vitest';
import { FORBIDDEN_SENDER, eventChannel, isAllowedIpcSender } from '../../../main/app/ipc-guard';

const good = { frameUrl: 'app://ncats/index.html', isTopFrame: true, isMainWindow: true };

describe('isAllowedIpcSender', () => {
  it('allows the app page in the top frame of the main window', () => {
    expect(isAllowedIpcSender(good)).toBe(true);
  });
  it.each([
    ['another webContents', { ...good, isMainWindow: false }],
    ['an iframe', { ...good, isTopFrame: false }],
    ['a destroyed frame', { ...good, frameUrl: undefined }],
    ['a remote page', { ...good, frameUrl: 'https://example.org/' }],
    ['another app host', { ...good, frameUrl: 'app://evil/index.html' }],
    ['a file page', { ...good, frameUrl: 'file:///tmp/index.html' }],
    ['about:blank', { ...good, frameUrl: 'about:blank' }],
  ])('refuses %s', (_name, facts) => expect(isAllowedIpcSender(facts)).toBe(false));
});

describe('FORBIDDEN_SENDER and eventChannel', () => {
  it('answers with the FORBIDDEN error code in the usual Result shape', () => {
    expect(FORBIDDEN_SENDER.ok).toBe(false);
    if (!FORBIDDEN_SENDER.ok) expect(FORBIDDEN_SENDER.error.code).toBe('FORBIDDEN');
    expect(Object.isFrozen(FORBIDDEN_SENDER)).toBe(true);
  });
  it('puts events on event:<name>, apart from every invoke channel', () => {
    expect(eventChannel('vault:locked')).toBe('event:vault:locked');
  });
});
