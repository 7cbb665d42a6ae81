// Times a chart page in Debian's headless Chromium: how long until the first
// render, and how long a hovered point takes to show its picture. Not a test
// (timings are measured, never asserted): `cargo xtask bench-compare chart`
// runs it and prints the figures.
//
// Usage: node timing.mjs PAGES_DIR [PAGE] [FIELD]   (prints one JSON object)

import { captureViews, circles, launchBrowser, startServer } from './common.mjs';

const [pagesDir, pageName = 'chart.html', field = 'picture'] = process.argv.slice(2);
const server = await startServer(pagesDir);
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
const errors = [];
page.on('pageerror', (err) => errors.push(String(err)));
await page.addInitScript(captureViews);
await page.goto(`http://127.0.0.1:${server.address().port}/${pageName}`, { timeout: 120000 });
await page.waitForFunction(
  () => window.__pixtipViews.length > 0 && window.__pixtipViews[0].scenegraph().root.items.length > 0,
  null,
  { timeout: 120000, polling: 20 },
);
// Milliseconds from navigation start to the frame after the scene exists.
const firstRender = await page.evaluate(
  () => new Promise((done) => requestAnimationFrame(() => done(performance.now()))),
);
const points = await circles(page, field);
// Five points spread over the data; in a dense chart a hover may show a
// neighbour's picture, which times the same work.
const targets = [];
for (let i = 0; i < points.length && targets.length < 5; i += Math.max(1, Math.floor(points.length / 5))) {
  const p = points[i];
  if (p.x > 0 && p.y > 0 && p.x < 1000 && p.y < 700) targets.push(p);
}
const hovers = [];
for (const point of targets) {
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => !document.querySelector('#vg-tooltip-element.visible'));
  const start = Date.now();
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(
    () => {
      const img = document.querySelector('#vg-tooltip-element.visible img');
      return img && img.complete && img.naturalWidth > 0;
    },
    null,
    { timeout: 30000, polling: 'raf' },
  );
  hovers.push(Date.now() - start);
}
console.log(JSON.stringify({ points: points.length, first_render_ms: firstRender, hover_ms: hovers, errors }));
await browser.close();
server.close();
