// Real-browser check of the demo's two chart pages, run by `node --test`.
//
// The pages are opened in Debian's headless Chromium, driven by playwright-core,
// and served from a local HTTP server on 127.0.0.1 (so relative picture URLs
// resolve as they would for a user). Every check uses real pointer hovers: the
// tooltip is vega-tooltip's own element, and an <img> counts only once the
// browser has decoded it.
//
// Environment:
//   PIXTIP_PAGES_DIR   folder holding comparison.html and metric-switch.html (required)
//   PIXTIP_PAIR_SIZE   expected pair picture size, "202x96" by default
//   PIXTIP_SINGLE_SIZE expected single picture size, "96x96" by default
//   PIXTIP_SHOTS_DIR   where screenshots go (default: PIXTIP_PAGES_DIR)
//   PIXTIP_PAIR_FIELD  the comparison chart's picture field (default "image")
//   PIXTIP_SWITCH_TO   the dropdown option that shows image2 (default "image2_area")
//   CHROMIUM           browser binary (default /usr/bin/chromium)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { circles, hoverTooltip, isolated, openChart, serveAndLaunch } from './common.mjs';

const pagesDir = process.env.PIXTIP_PAGES_DIR;
if (!pagesDir) {
  throw new Error('set PIXTIP_PAGES_DIR to the folder holding the demo pages');
}
const shotsDir = process.env.PIXTIP_SHOTS_DIR || pagesDir;
const pairSize = (process.env.PIXTIP_PAIR_SIZE || '202x96').split('x').map(Number);
const singleSize = (process.env.PIXTIP_SINGLE_SIZE || '96x96').split('x').map(Number);
const pairField = process.env.PIXTIP_PAIR_FIELD || 'image';
const switchTo = process.env.PIXTIP_SWITCH_TO || 'image2_area';

const pages = serveAndLaunch(pagesDir);

test('comparison: hovering a point shows its labelled pair picture', async () => {
  const { page, errors } = await openChart(pages, 'comparison.html');
  const points = await circles(page, pairField);
  assert.ok(points.length >= 2, `expected circles, found ${points.length}`);
  let shown = 0;
  for (let i = 0; i < 6; i += 1) {
    // Re-read the positions: the last hovered point got a new jitter.
    const point = isolated(await circles(page, pairField), 6)[i];
    if (!point) break;
    const tip = await hoverTooltip(page, point);
    assert.deepEqual([tip.width, tip.height], pairSize, 'pair picture size');
    assert.ok(tip.width > 0, 'the picture decoded');
    // Data URIs are shown as they are; file pictures resolve against the page.
    const expected = new URL(point.datum.image, page.url()).href;
    assert.equal(tip.src, expected, 'the tooltip shows the hovered row picture');
    shown += 1;
  }
  assert.ok(shown >= 3, `only ${shown} points could be hovered`);
  await page.screenshot({ path: join(shotsDir, 'comparison-tooltip.png') });
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});

test('metric-switch: the dropdown moves the points and switches the picture', async () => {
  const { page, errors } = await openChart(pages, 'metric-switch.html');
  const before = await circles(page);
  assert.ok(before.length >= 2, `expected circles, found ${before.length}`);
  // The dropdown starts on image1: the tooltip field holds each row's image1 picture.
  for (const point of before) assert.equal(point.datum.image, point.datum.image1_base64);

  const [first] = isolated(before, 1);
  assert.ok(first, 'a point clear of the others');
  let tip = await hoverTooltip(page, first);
  assert.deepEqual([tip.width, tip.height], singleSize, 'single picture size');
  assert.equal(tip.src, new URL(first.datum.image, page.url()).href);
  await page.screenshot({ path: join(shotsDir, 'metric-switch-image1.png') });

  const select = page.locator('.vega-bindings select');
  assert.equal(await select.count(), 1, 'one dropdown');
  await select.selectOption(switchTo);
  await page.waitForFunction(() => window.__pixtipViews[0].runAsync().then(() => true));
  const after = await circles(page);
  assert.equal(after.length, before.length);
  const moved = after.filter((p, i) => Math.abs(p.localY - before[i].localY) > 0.5).length;
  assert.ok(moved > after.length / 2, `only ${moved} of ${after.length} points moved`);

  for (let i = 0; i < 4; i += 1) {
    const point = isolated(await circles(page), 4)[i];
    if (!point) break;
    tip = await hoverTooltip(page, point);
    assert.deepEqual([tip.width, tip.height], singleSize, 'single picture size');
    // After the switch the tooltip field holds the row's image2 picture.
    assert.equal(point.datum.image, point.datum.image2_base64);
    assert.equal(tip.src, new URL(point.datum.image, page.url()).href);
  }
  await page.screenshot({ path: join(shotsDir, 'metric-switch-image2.png') });
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});
