// Times an atlas in Debian's headless Chromium: the overview's first render,
// hovers on cells until their montage shows, and the first render of one
// region page. Not a test (timings are measured, never asserted): `cargo
// xtask bench-compare atlas` runs it and prints the figures.
//
// Usage: node atlas_timing.mjs ATLAS_DIR REGION_PAGE   (prints one JSON object)

import { captureViews, launchBrowser, startServer } from './common.mjs';

const [dir, regionPage] = process.argv.slice(2);
const server = await startServer(dir);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser();

async function firstRender(page, name) {
  await page.addInitScript(captureViews);
  await page.goto(`${base}/${name}`, { timeout: 120000 });
  await page.waitForFunction(
    () => window.__pixtipViews.length > 0 && window.__pixtipViews[0].scenegraph().root.items.length > 0,
    null,
    { timeout: 120000, polling: 20 },
  );
  // Milliseconds from navigation start to the frame after the scene exists.
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(performance.now()))));
}

const overview = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
const overviewMs = await firstRender(overview, 'index.html');
const cells = await overview.evaluate(() => {
  const view = window.__pixtipViews[0];
  const box = view.container().querySelector('canvas.marks, svg.marks').getBoundingClientRect();
  const pad = view.padding();
  const [ox, oy] = view.origin().map((o, i) => o + (i === 0 ? pad.left || 0 : pad.top || 0));
  const found = [];
  const walk = (scene, gx, gy) => {
    for (const item of scene.items || []) {
      if (scene.marktype === 'group') {
        for (const child of item.items || []) walk(child, gx + (item.x || 0), gy + (item.y || 0));
      } else if (scene.marktype === 'image' && item.datum) {
        found.push({ x: box.left + ox + gx + item.x + item.width / 2, y: box.top + oy + gy + item.y + item.height / 2 });
      }
    }
  };
  walk(view.scenegraph().root, 0, 0);
  return found;
});
const targets = cells.filter((c) => c.x > 0 && c.y > 0 && c.x < 1000 && c.y < 1000);
const hovers = [];
for (let i = 0; i < targets.length && hovers.length < 5; i += Math.max(1, Math.floor(targets.length / 5))) {
  await overview.mouse.move(1, 1);
  await overview.waitForFunction(() => !document.querySelector('#vg-tooltip-element.visible'));
  const start = Date.now();
  await overview.mouse.move(targets[i].x, targets[i].y);
  await overview.waitForFunction(
    () => {
      const img = document.querySelector('#vg-tooltip-element.visible img');
      return img && img.complete && img.naturalWidth > 0;
    },
    null,
    { timeout: 30000, polling: 'raf' },
  );
  hovers.push(Date.now() - start);
}
await overview.screenshot({ path: `${dir}/overview-shot.png` });
const region = await browser.newPage({ viewport: { width: 1000, height: 700 } });
const regionMs = await firstRender(region, regionPage);
const regionPoints = await region.evaluate(() => window.__pixtipViews[0].data('data_0')?.length ?? null);
console.log(
  JSON.stringify({ cells: cells.length, overview_ms: overviewMs, hover_ms: hovers, region_ms: regionMs, region_points: regionPoints }),
);
await browser.close();
server.close();
