/**
 * Regenerate the app icons from build/icon.svg, with no network and no image tools:
 *   node build/scripts/make-icons.mjs
 * The SVG is rasterised by the Chromium the e2e tests already use (CHROMIUM_PATH, default
 * /usr/bin/chromium) through Playwright; the Windows .ico and macOS .icns containers are
 * written here, both holding PNG images (supported since Windows Vista and macOS 10.7).
 * Outputs, committed so packaging needs no browser: build/icon.png (1024), build/icon.ico,
 * build/icon.icns and build/icons/<size>x<size>.png (the Linux set).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { chromium } from '@playwright/test';

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
/** The SVG drawn at size x size, as a PNG with a transparent background. */
async function render(size) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const sized = svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return png;
}

const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const pngs = new Map();
for (const size of sizes) pngs.set(size, await render(size));
await browser.close();

/** ICO: a directory of PNG entries (width/height 0 means 256). */
function ico(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  let offset = 6 + 16 * entries.length;
  const dir = entries.map(([size, png]) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...dir, ...entries.map(([, png]) => png)]);
}

/** ICNS: 'icns', total length, then typed PNG chunks (ic07 128 ... ic10 1024@2x / 512). */
function icns(entries) {
  const chunks = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
writeFileSync(path.join(buildDir, 'icon.png'), pngs.get(1024));
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), pngs.get(size));
}
writeFileSync(path.join(buildDir, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256].map((s) => [s, pngs.get(s)])));
writeFileSync(
  path.join(buildDir, 'icon.icns'),
  icns([
    ['ic07', pngs.get(128)],
    ['ic08', pngs.get(256)],
    ['ic09', pngs.get(512)],
    ['ic10', pngs.get(1024)],
  ]),
);
console.log('Wrote build/icon.png, icon.ico, icon.icns and build/icons/*.png from build/icon.svg');
