// Inlined scripts keep their meaning in Chromium: the page's three "libraries"
// (written by browser.rs) hold `</script>`, `<!--` and `<script` in strings,
// regular expressions and code, and each records what it computed.
//
// Environment: PIXTIP_PAGES_DIR holding page.html; CHROMIUM as elsewhere.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch } from './common.mjs';

const pages = serveAndLaunch(process.env.PIXTIP_PAGES_DIR);

test('inlined scripts run exactly as written', async () => {
  const page = await pages.browser.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(`${pages.baseUrl}/page.html`);
  await page.waitForFunction(() => window.__embedded !== undefined, null, { timeout: 10000 });
  const checks = await page.evaluate(() => window.__checks);
  assert.deepEqual(checks, [true, true, true, true, 'vega-lite', 'vega-embed']);
  const spec = await page.evaluate(() => window.__embedded);
  assert.equal(spec.title, '</script><script>window.__injected = 1</script>');
  assert.equal(await page.evaluate(() => window.__injected), undefined, 'no injected script ran');
  assert.deepEqual(errors, []);
  await page.close();
});
