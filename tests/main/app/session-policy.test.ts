import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  appResponseHeaders,
  contentTypeFor,
  isAllowedNavigation,
  isAllowedRequestUrl,
  isTrustedSender,
  resolveAppPath,
} from '../../../main/app/session-policy';

const PROD = { allowDevTools: false };
const DEV = { allowDevTools: true };

describe('isAllowedRequestUrl', () => {
  const allowed = [
    'app://ncats/',
    'app://ncats/index.html',
    'app://ncats/assets/index-abc123.js',
    'app://ncats/assets/font.woff2?v=1#x',
    'APP://NCATS/index.html',
  ];
  const blocked = [
    'app://evil/',
    'app://evil/index.html',
    'app://ncats.evil/',
    'app://ncats:8080/',
    'app://user:pw@ncats/',
    'app:ncats/index.html',
    'http://127.0.0.1/',
    'http://localhost:5173/',
    'https://example.org/',
    'https://ncats/',
    'ws://127.0.0.1:9222/',
    'wss://example.org/',
    'file:///etc/passwd',
    'file://ncats/index.html',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'blob:app://ncats/1234',
    'chrome://settings',
    'chrome-extension://abc/x.js',
    'ftp://example.org/',
    'devtools://devtools/bundled/inspector.html',
    '',
    'not a url',
  ];
  it.each(allowed)('allows %s', (url) => expect(isAllowedRequestUrl(url, PROD)).toBe(true));
  it.each(blocked)('blocks %s', (url) => expect(isAllowedRequestUrl(url, PROD)).toBe(false));
  it('blocks everything off the app protocol when no options are given', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(isAllowedRequestUrl('app://ncats/index.html')).toBe(true);
  });
  it('allows devtools: only in development', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', DEV)).toBe(true);
    expect(isAllowedRequestUrl('http://127.0.0.1/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd', DEV)).toBe(false);
  });
  it('a traversal in the URL stays on the app origin; the protocol handler refuses the path', () => {
    // The URL parser folds the dots (app://ncats/../x is app://ncats/x): same origin, so allowed here.
    expect(isAllowedRequestUrl('app://ncats/../', PROD)).toBe(true);
    expect(resolveAppPath('/r', 'app://ncats/../etc/passwd')).toEqual({ ok: false, reason: 'bad-path' });
  });
});

describe('the request filter and the no-network e2e probe', () => {
  // The kinds of request tests/e2e/no-network.spec.ts makes from the page, aimed at another
  // loopback port; under Electron, onBeforeRequest must cancel every one of them.
  const probeTargets = [
    'http://127.0.0.1:41234/fetch',
    'http://127.0.0.1:41234/image.png',
    'http://127.0.0.1:41234/font-api.woff2',
    'http://127.0.0.1:41234/sheet.css',
    'http://127.0.0.1:41234/prefetch.json',
    'ws://127.0.0.1:41234/socket',
    'http://localhost:41234/fetch',
    'http://[::1]:41234/fetch',
  ];
  it.each(probeTargets)('cancels %s in production and in development', (url) => {
    expect(isAllowedRequestUrl(url, PROD)).toBe(false);
    expect(isAllowedRequestUrl(url, DEV)).toBe(false);
  });
  it("lets the app's own page, scripts, styles and images through", () => {
    for (const asset of ['index.html', 'assets/index.js', 'assets/index.css', 'assets/logo.png']) {
      expect(isAllowedRequestUrl(`app://ncats/${asset}`, PROD)).toBe(true);
    }
  });
});

describe('isAllowedNavigation', () => {
  it('allows only the app origin', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    for (const url of [
      'https://example.org',
      'file:///etc/passwd',
      'data:text/html,hi',
      'javascript:void 0',
      'app://evil/',
    ]) {
      expect(isAllowedNavigation(url)).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts the app page', () => {
    expect(isTrustedSender('app://ncats/index.html')).toBe(true);
    expect(isTrustedSender('app://ncats/')).toBe(true);
  });
  it.each([
    undefined,
    null,
    '',
    'about:blank',
    'app://evil/index.html',
    'http://127.0.0.1/',
    'file:///x/index.html',
    'devtools://devtools/',
  ])('does not trust %s', (url) => expect(isTrustedSender(url)).toBe(false));
});

describe('resolveAppPath', () => {
  const root = path.resolve('/opt/ncats/out/renderer');
  it('serves index.html for the root and files below it', () => {
    expect(resolveAppPath(root, 'app://ncats/')).toEqual({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppPath(root, 'app://ncats/assets/a.js?x=1#y')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'a.js'),
    });
    expect(resolveAppPath(root, 'app://ncats/assets/with%20space.png')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'with space.png'),
    });
  });
  it.each([
    'app://ncats/../etc/passwd',
    'app://ncats/assets/../../secret',
    'app://ncats/./index.html',
    'app://ncats/assets/..',
    'app://ncats/.%2e/secret',
    'app://ncats/%2e%2e/%2e%2e/etc/passwd',
    'app://ncats/assets/%2E%2E/%2E%2E/secret',
    'app://ncats/..%2f..%2fetc%2fpasswd',
    'app://ncats/assets%2f..%2f..%2fsecret',
    'app://ncats/..%5c..%5cwindows%5csystem.ini',
    'app://ncats/a%5cb',
    'app://ncats/%00index.html',
    'app://ncats/C:/Windows/win.ini',
    'app://ncats/%E0%A4%A',
  ])('refuses %s', (url) => expect(resolveAppPath(root, url)).toEqual({ ok: false, reason: 'bad-path' }));
  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toEqual({ ok: false, reason: 'unknown-host' });
    expect(resolveAppPath(root, 'file:///etc/passwd')).toEqual({ ok: false, reason: 'not-app-scheme' });
    expect(resolveAppPath(root, 'https://ncats/index.html')).toEqual({ ok: false, reason: 'not-app-scheme' });
    expect(resolveAppPath(root, 'nonsense')).toEqual({ ok: false, reason: 'not-app-scheme' });
  });
  it('never resolves outside the root, whatever the path', () => {
    for (const url of ['app://ncats/../../../../etc/passwd', 'app://ncats//etc/passwd', 'app://ncats/./././x']) {
      const r = resolveAppPath(root, url);
      if (r.ok) expect(r.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('CSP and headers', () => {
  it('is exactly the agreed policy, with no unsafe-eval or unsafe-inline', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe|http|\*/);
  });
  it('sends the CSP and nosniff with every response', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
  it('knows the content types of a Vite build', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/assets/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/assets/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/unknown.bin')).toBe('application/octet-stream');
  });
});
