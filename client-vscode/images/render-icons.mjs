// Renders icon.svg to the PNG files the manifest names (VS Code wants PNG for the extension icon).
// Run once after changing the SVG: node client-vscode/images/render-icons.mjs (needs Debian's chromium and playwright-core).
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  for (const [name, size] of [['icon.png', 128], ['file-icon.png', 32]]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="128" height="128"', `width="${size}" height="${size}"`)}</body></html>`);
    await page.screenshot({ path: path.join(here, name), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
