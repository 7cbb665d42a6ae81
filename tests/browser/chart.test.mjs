// Real-browser check of a `pixtip chart` scatter page, run by `node --test`.
//
// Environment:
//   PIXTIP_PAGES_DIR      folder holding chart.html (required)
//   PIXTIP_PICTURE_SIZE   expected picture size, e.g. "64x64" (required)
//   PIXTIP_PICTURE_FIELD  the picture field (default "picture")
//   PIXTIP_TOOLTIP_FIELD  a field the tooltip lists under the picture (default "index")
//   PIXTIP_SHOTS_DIR      where screenshots go (default: PIXTIP_PAGES_DIR)
//   CHROMIUM              browser binary (default /usr/bin/chromium)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { circles, hoverTooltip, isolated, openChart, serveAndLaunch } from './common.mjs';

const pagesDir = process.env.PIXTIP_PAGES_DIR;
const size = process.env.PIXTIP_PICTURE_SIZE;
if (!pagesDir || !size) {
  throw new Error('set PIXTIP_PAGES_DIR and PIXTIP_PICTURE_SIZE');
}
const pictureSize = size.split('x').map(Number);
const field = process.env.PIXTIP_PICTURE_FIELD || 'picture';
const tooltipField = process.env.PIXTIP_TOOLTIP_FIELD || 'index';
const shotsDir = process.env.PIXTIP_SHOTS_DIR || pagesDir;
const pages = serveAndLaunch(pagesDir);

test('chart: hovering a point shows its picture above its fields', async () => {
  const { page, errors } = await openChart(pages, 'chart.html');
  const points = await circles(page, field);
  assert.ok(points.length >= 2, `expected circles, found ${points.length}`);
  let shown = 0;
  for (const point of isolated(points, 6)) {
    const tip = await hoverTooltip(page, point);
    assert.deepEqual([tip.width, tip.height], pictureSize, 'picture size');
    assert.equal(tip.src, new URL(point.datum.image, page.url()).href, 'the hovered row picture');
    // vega-tooltip draws the picture first, then a table of the other fields.
    const layout = await page.evaluate(() => {
      const box = document.querySelector('#vg-tooltip-element.visible');
      const keys = [...box.querySelectorAll('td.key')].map((td) => td.textContent);
      const img = box.querySelector('img');
      const table = box.querySelector('table');
      const below = table ? img.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
      return { keys, below: Boolean(below) };
    });
    assert.ok(layout.keys.some((k) => k.startsWith(tooltipField)), `tooltip lists ${tooltipField}: ${layout.keys}`);
    assert.ok(layout.below, 'the fields come under the picture');
    shown += 1;
  }
  assert.ok(shown >= 3, `only ${shown} points could be hovered`);
  await page.screenshot({ path: join(shotsDir, 'chart-tooltip.png') });
  assert.deepEqual(errors, [], 'no console errors');
  await page.close();
});
