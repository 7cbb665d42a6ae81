// Real-browser check of `pixtip chart` pages made from Parquet, Arrow IPC and
// multi-page TIFF inputs, run by `node --test`: hovering a point shows the
// picture of that point's row, pixel for pixel.
//
// Environment:
//   PIXTIP_PAGES_DIR      folder holding chart.html (required)
//   PIXTIP_EXPECTED       JSON {index: {width, height, rgb: [r, g, b, ...]}}: the
//                         pictures numpy's values make (zoom 1, no thumbnail)
//   PIXTIP_SHOTS_DIR      where screenshots go (default: PIXTIP_PAGES_DIR)
//   CHROMIUM              browser binary (default /usr/bin/chromium)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { circles, hoverTooltip, openChart, serveAndLaunch } from './common.mjs';

const pagesDir = process.env.PIXTIP_PAGES_DIR;
const expected = JSON.parse(process.env.PIXTIP_EXPECTED || 'null');
if (!pagesDir || !expected) {
  throw new Error('set PIXTIP_PAGES_DIR and PIXTIP_EXPECTED');
}
const shotsDir = process.env.PIXTIP_SHOTS_DIR || pagesDir;
const pages = serveAndLaunch(pagesDir);

test('formats: each hovered point shows its own row picture', async () => {
  const { page, errors } = await openChart(pages, 'chart.html');
  const points = await circles(page, 'picture');
  assert.equal(points.length, Object.keys(expected).length, 'one point per row');
  let checked = 0;
  for (const point of points) {
    const want = expected[String(point.datum.index)];
    assert.ok(want, `a point of row ${point.datum.index}`);
    const tip = await hoverTooltip(page, point);
    assert.deepEqual([tip.width, tip.height], [want.width, want.height], `row ${point.datum.index}: size`);
    // The tooltip's own <img>, drawn on a canvas and read back.
    const rgb = await page.evaluate(() => {
      const img = document.querySelector('#vg-tooltip-element.visible img');
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(img, 0, 0);
      const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
      return [...data].filter((_, i) => i % 4 !== 3);
    });
    if (want.rgb !== null) {
      assert.deepEqual(rgb, want.rgb, `row ${point.datum.index}: the picture's pixels`);
    }
    checked += 1;
  }
  assert.ok(checked >= 3, `only ${checked} points were checked`);
  await page.screenshot({ path: join(shotsDir, 'formats-tooltip.png') });
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});
