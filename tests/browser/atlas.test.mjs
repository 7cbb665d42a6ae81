// Real-browser check of a `pixtip chart --atlas` folder, run by `node --test`:
// hovering a cell of the overview shows its montage, clicking it opens the
// cell's page, and hovering a point there shows that row's image.
//
// Environment:
//   PIXTIP_PAGES_DIR   the atlas folder (index.html, cells/) (required)
//   PIXTIP_SHOTS_DIR   where screenshots go (default: PIXTIP_PAGES_DIR)
//   CHROMIUM           browser binary (default /usr/bin/chromium)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { captureViews, circles, hoverTooltip, isolated, openChart, serveAndLaunch } from './common.mjs';

const pagesDir = process.env.PIXTIP_PAGES_DIR;
if (!pagesDir) throw new Error('set PIXTIP_PAGES_DIR');
const shotsDir = process.env.PIXTIP_SHOTS_DIR || pagesDir;
const pages = serveAndLaunch(pagesDir);

/** Page coordinates and data of every image mark (a cell) of the overview. */
async function cellMarks(page) {
  return page.evaluate(() => {
    const view = window.__pixtipViews[0];
    const surface = view.container().querySelector('canvas.marks, svg.marks');
    const box = surface.getBoundingClientRect();
    const pad = view.padding();
    const [ox, oy] = view.origin().map((o, i) => o + (i === 0 ? pad.left || 0 : pad.top || 0));
    const found = [];
    const walk = (scene, gx, gy) => {
      for (const item of scene.items || []) {
        if (scene.marktype === 'group') {
          for (const child of item.items || []) walk(child, gx + (item.x || 0), gy + (item.y || 0));
        } else if (scene.marktype === 'image' && item.datum && 'montage' in item.datum) {
          // Image marks are centred on their x and y.
          found.push({
            x: box.left + ox + gx + item.x + (item.width || 0) / 2,
            y: box.top + oy + gy + item.y + (item.height || 0) / 2,
            datum: { montage: item.datum.montage, page: item.datum.page, count: item.datum.count },
          });
        }
      }
    };
    walk(view.scenegraph().root, 0, 0);
    return found;
  });
}

test('atlas: a cell shows its montage, opens its page, whose points show their images', async () => {
  const { page, errors } = await openChart(pages, 'index.html');
  const renderer = await page.evaluate(() => (document.querySelector('#vis canvas') ? 'canvas' : 'svg'));
  assert.equal(renderer, 'canvas', 'the overview draws on a canvas');
  const cells = await cellMarks(page);
  assert.ok(cells.length >= 3, `expected cells, found ${cells.length}`);
  // A cell inside the 1000x700 viewport.
  const cell = cells.find((c) => c.x > 0 && c.y > 0 && c.x < 990 && c.y < 690);
  assert.ok(cell, 'a cell inside the viewport');
  const tip = await hoverTooltip(page, cell);
  assert.equal(tip.src, new URL(cell.datum.montage, page.url()).href, 'the hovered cell montage');
  assert.ok(tip.width > 0 && tip.height > 0, 'the montage loaded');
  const keys = await page.evaluate(() =>
    [...document.querySelectorAll('#vg-tooltip-element.visible td.key')].map((td) => td.textContent),
  );
  assert.ok(keys.some((k) => k.startsWith('images')), `the tooltip counts the images: ${keys}`);
  await page.screenshot({ path: join(shotsDir, 'atlas-overview.png') });
  assert.deepEqual(errors, [], 'no console errors on the overview');

  // A click follows the cell's href to its page.
  const overviewUrl = page.url();
  await page.addInitScript(captureViews);
  await Promise.all([page.waitForNavigation(), page.mouse.click(cell.x, cell.y)]);
  assert.equal(page.url(), new URL(cell.datum.page, overviewUrl).href, 'the cell page opened');
  await page.waitForFunction(() => window.__pixtipViews && window.__pixtipViews.length > 0, null, { timeout: 30000 });
  await page.waitForFunction(() => window.__pixtipViews[0].scenegraph().root.items.length > 0);
  const back = await page.evaluate(() => document.querySelector('p a')?.getAttribute('href'));
  assert.equal(back, '../index.html', 'the page links back to the overview');
  const points = await circles(page, 'picture');
  assert.equal(points.length, Math.min(cell.datum.count, 20000), 'one point per member');
  const point = isolated(points, 1)[0] ?? points[0];
  const image = await hoverTooltip(page, point);
  assert.equal(image.src, new URL(point.datum.image, page.url()).href, 'the hovered point image');
  await page.screenshot({ path: join(shotsDir, 'atlas-region.png') });
  await page.close();
});
