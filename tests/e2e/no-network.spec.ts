/**
 * No network (SECURITY.md 4.4, "No network"): inside the app's own page, every kind of request
 * a compromised renderer could try (fetch, an image, a font by the FontFace API and by a
 * `@font-face` rule, a WebSocket, a style sheet link and a prefetch link) is aimed at a local
 * server on another port that counts what reaches it. Each must be blocked and the counter must
 * stay at 0. The same probe on a page without the app's policy reaches the counter for every
 * kind, so the counter would notice a leak.
 *
 * Under the browser host the block is the Content Security Policy the Electron shell sends too
 * (one definition, main/app/session-policy.ts); under Electron the session's request filter
 * cancels the request as well.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startCountingServer, type CountingServer } from './helpers/counting-server';

/** Every kind of request the probe makes, and the path it asks the counter for. */
const PROBES = {
  fetch: '/fetch',
  image: '/image.png',
  fontFaceApi: '/font-api.woff2',
  fontFaceRule: '/font-rule.woff2',
  webSocket: '/socket',
  stylesheetLink: '/sheet.css',
  prefetchLink: '/prefetch.json',
} as const;
type ProbeName = keyof typeof PROBES;

/** The CSP directive that refuses each probe (main/app/session-policy.ts CONTENT_SECURITY_POLICY). */
const EXPECTED_DIRECTIVE: Record<ProbeName, string> = {
  fetch: 'connect-src',
  image: 'img-src',
  fontFaceApi: 'font-src',
  fontFaceRule: 'font-src',
  webSocket: 'connect-src',
  stylesheetLink: 'style-src-elem',
  prefetchLink: 'default-src',
};
type Outcome = 'loaded' | 'blocked';

interface ProbeReport {
  outcomes: Record<ProbeName, Outcome>;
  /** The CSP violations the page reported, as `<path> <effective directive>`. */
  violated: string[];
}

/** Runs in the page: try each request, and say whether the page saw it load or fail. */
async function probe(page: Page, target: { http: string; ws: string }): Promise<ProbeReport> {
  return page.evaluate(
    async ({ http, ws, paths }) => {
      const violated: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        let path = e.blockedURI;
        try {
          path = new URL(e.blockedURI).pathname;
        } catch {
          // Not a URL (e.g. 'inline'): keep what the event said.
        }
        violated.push(`${path} ${e.effectiveDirective}`);
      });
      // A request the page never hears back about counts as blocked; the counter decides.
      const settle = (start: (done: (o: 'loaded' | 'blocked') => void) => void): Promise<'loaded' | 'blocked'> =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve('blocked'), 3000);
          try {
            start((o) => {
              clearTimeout(timer);
              resolve(o);
            });
          } catch {
            clearTimeout(timer);
            resolve('blocked');
          }
        });
      const link = (rel: string, href: string) =>
        settle((done) => {
          const el = document.createElement('link');
          el.rel = rel;
          el.href = href;
          el.onload = () => done('loaded');
          el.onerror = () => done('blocked');
          document.head.append(el);
        });

      const outcomes = {
        fetch: await fetch(http + paths.fetch, { cache: 'no-store' }).then(
          () => 'loaded' as const,
          () => 'blocked' as const,
        ),
        image: await settle((done) => {
          const img = new Image();
          img.onload = () => done('loaded');
          img.onerror = () => done('blocked');
          img.src = http + paths.image;
        }),
        fontFaceApi: await settle((done) => {
          new FontFace('ProbeApi', `url(${http + paths.fontFaceApi})`).load().then(
            () => done('loaded'),
            () => done('blocked'),
          );
        }),
        fontFaceRule: await settle((done) => {
          // A constructed sheet is not an inline style, so only font-src can stop this load.
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(`@font-face { font-family: ProbeRule; src: url(${http + paths.fontFaceRule}); }`);
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
          document.fonts.load('16px ProbeRule').then(
            (faces) => done(faces.length > 0 ? 'loaded' : 'blocked'),
            () => done('blocked'),
          );
        }),
        webSocket: await settle((done) => {
          const socket = new WebSocket(ws + paths.webSocket);
          socket.onopen = () => done('loaded');
          socket.onerror = () => done('blocked');
        }),
        stylesheetLink: await link('stylesheet', http + paths.stylesheetLink),
        prefetchLink: await link('prefetch', http + paths.prefetchLink),
      };
      return { outcomes, violated };
    },
    { http: target.http, ws: target.ws, paths: PROBES },
  );
}

/** Give a request that slipped through time to arrive before the counter is read. */
async function settleCounter(page: Page): Promise<void> {
  await page.waitForTimeout(1000);
}

let counter: CountingServer;
test.beforeAll(async () => {
  counter = await startCountingServer();
});
test.afterAll(async () => {
  await counter.close();
});
test.beforeEach(() => counter.reset());

test.describe('no network', () => {
  test('every request the app page tries to another origin is blocked, and none arrives', async ({ app }) => {
    const { page } = app;
    // Wait until the app has painted, so the probe runs in the app's real page under its policy.
    await expect(page.getByRole('heading', { level: 1, name: 'Set up NCATS Casework' })).toBeVisible();

    const report = await probe(page, { http: counter.origin, ws: counter.wsOrigin });
    await settleCounter(page);

    expect(report.outcomes).toEqual({
      fetch: 'blocked',
      image: 'blocked',
      fontFaceApi: 'blocked',
      fontFaceRule: 'blocked',
      webSocket: 'blocked',
      stylesheetLink: 'blocked',
      prefetchLink: 'blocked',
    });
    expect(counter.hits()).toEqual({});
    // Under the browser host the CSP is the block, and it said no to each kind by the directive
    // that governs it (a prefetch falls back to default-src). Under Electron the request filter
    // may cancel a request before the CSP is asked, so only the outcome and the counter count.
    if (app.host) {
      expect(new Set(report.violated)).toEqual(
        new Set(
          Object.entries(EXPECTED_DIRECTIVE).map(([name, directive]) => `${PROBES[name as ProbeName]} ${directive}`),
        ),
      );
    }
  });

  test('control: the same probe on a page without the app policy reaches the counter for every kind', async ({
    browser,
  }) => {
    // A plain page served by the counter itself, with no CSP: what the app page would do unguarded.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${counter.origin}/control.html`);
      const report = await probe(page, { http: counter.origin, ws: counter.wsOrigin });
      await settleCounter(page);
      const hits = counter.hits();
      for (const [name, path] of Object.entries(PROBES)) {
        expect.soft(hits[path] ?? 0, `${name} reached the counter`).toBeGreaterThan(0);
      }
      expect(report.violated).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
