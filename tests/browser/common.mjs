// Shared by the browser checks: a local HTTP server for a folder of pages,
// Debian's headless Chromium through playwright-core, and helpers that find
// the chart's points in vega's scenegraph and hover them for real.

import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.js': 'text/javascript',
  '.png': 'image/png',
};

/** Serves the files under `pagesDir` on 127.0.0.1; resolves to the server. */
export async function startServer(pagesDir) {
  const root = resolve(pagesDir);
  const server = createServer(async (req, res) => {
    if (req.url === '/favicon.ico') {
      // The browser asks for one on its own; the pages do not reference it.
      res.writeHead(204).end();
      return;
    }
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(path)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': MIME[extname(path)] || 'application/octet-stream' });
      res.end(await readFile(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

/** Debian's headless Chromium (or $CHROMIUM), with no network of its own. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Serves `pagesDir` and launches Chromium around the tests of the calling
 * file; returns a handle whose `baseUrl` and `browser` are set once they start.
 */
export function serveAndLaunch(pagesDir) {
  const handle = { baseUrl: '', browser: null };
  let server;
  before(async () => {
    server = await startServer(pagesDir);
    handle.baseUrl = `http://127.0.0.1:${server.address().port}`;
    handle.browser = await launchBrowser();
  });
  after(async () => {
    await handle.browser?.close();
    await new Promise((done) => (server ? server.close(done) : done()));
  });
  return handle;
}

// Keeps a handle on every vega View the page embeds, without changing the page:
// vega-embed's UMD bundle assigns `window.vegaEmbed`, which this setter wraps.
export function captureViews() {
  window.__pixtipViews = [];
  let wrapped;
  Object.defineProperty(window, 'vegaEmbed', {
    configurable: true,
    get: () => wrapped,
    set: (embed) => {
      wrapped = Object.assign((...args) => {
        const result = embed(...args);
        result.then((r) => window.__pixtipViews.push(r.view));
        return result;
      }, embed);
    },
  });
}

/** Opens a page, waits for its chart, and collects console errors. */
export async function openChart(handle, name) {
  const page = await handle.browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url().slice(0, 120)}`));
  await page.addInitScript(captureViews);
  await page.goto(`${handle.baseUrl}/${name}`);
  await page.waitForFunction(() => window.__pixtipViews && window.__pixtipViews.length > 0, null, {
    timeout: 30000,
  });
  await page.waitForFunction(() => window.__pixtipViews[0].scenegraph().root.items.length > 0);
  return { page, errors };
}

/**
 * Page coordinates and data of every circle the chart drew, from vega's
 * scenegraph: item positions are relative to their group, groups nest, and the
 * whole scene is translated by the view's padding and origin inside its canvas or svg.
 */
export async function circles(page, field = 'image') {
  return page.evaluate((field) => {
    const view = window.__pixtipViews[0];
    const surface = view.container().querySelector('canvas.marks, svg.marks');
    const box = surface.getBoundingClientRect();
    // The scene sits inside the surface at the view's padding plus its origin.
    const pad = view.padding();
    const [ox, oy] = view.origin().map((o, i) => o + (i === 0 ? pad.left || 0 : pad.top || 0));
    const found = [];
    const walk = (scene, gx, gy) => {
      for (const item of scene.items || []) {
        if (scene.marktype === 'group') {
          for (const child of item.items || []) walk(child, gx + (item.x || 0), gy + (item.y || 0));
        } else if (scene.marktype === 'symbol' && item.datum && field in item.datum) {
          // Legend symbols have data too, but no picture.
          const { image1_base64, image2_base64 } = item.datum;
          found.push({
            x: box.left + ox + gx + item.x,
            y: box.top + oy + gy + item.y,
            localY: item.y,
            datum: { image: item.datum[field], index: item.datum.index, image1_base64, image2_base64 },
          });
        }
      }
    };
    walk(view.scenegraph().root, 0, 0);
    return found;
  }, field);
}

/** Hovers a point and returns what vega-tooltip shows: the picture and its source. */
export async function hoverTooltip(page, point) {
  // One move straight onto the point: a path across other points would hover
  // them, and vega re-evaluates a left item's encoding (its random jitter).
  // First park the pointer in an empty corner so the last tooltip hides: the
  // tooltip box could otherwise cover the point aimed at.
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => !document.querySelector('#vg-tooltip-element.visible'));
  await page.mouse.move(point.x, point.y);
  await page.waitForSelector('#vg-tooltip-element.visible img', { timeout: 5000 });
  await page.waitForFunction(() => {
    const img = document.querySelector('#vg-tooltip-element.visible img');
    return img && img.complete;
  });
  return page.evaluate(() => {
    const img = document.querySelector('#vg-tooltip-element.visible img');
    return { src: img.src, width: img.naturalWidth, height: img.naturalHeight };
  });
}

/**
 * Up to `count` points spread over the chart, each at least 8 px from every
 * other point, so a hover can only hit the point it aims at.
 */
export function isolated(points, count) {
  const alone = points.filter((p, i) =>
    points.every((q, j) => i === j || Math.hypot(p.x - q.x, p.y - q.y) >= 8),
  );
  const step = Math.max(1, Math.floor(alone.length / count));
  return alone.filter((_, i) => i % step === 0).slice(0, count);
}

