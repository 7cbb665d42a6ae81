// Columns named after JavaScript's own properties stay data: `pixtip chart`
// pages (written by browser.rs) whose x, y, colour and tooltip fields are
// named after every property of Object.prototype, `__proto__` and
// `prototype`, one page per rotation of the names over the channels.
//
// Environment: PIXTIP_PAGES_DIR holding <i>/chart.html for every page;
// PIXTIP_JS_NAMES a JSON object {names: [...], rows: N}: page i charts
// names[i] on x, names[i+1] on y, names[i+2] as colour (wrapping), every
// name in the tooltip; column j holds 10 * (j + 1) * (r + 1) + r in row r.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverTooltip, openChart, serveAndLaunch } from './common.mjs';

const pages = serveAndLaunch(process.env.PIXTIP_PAGES_DIR);
const { names, rows } = JSON.parse(process.env.PIXTIP_JS_NAMES);
const valuesOf = (j) => Array.from({ length: rows }, (_, r) => 10 * (j + 1) * (r + 1) + r);

test('columns named like JavaScript properties plot, and show their names as text', async () => {
  for (let i = 0; i < names.length; i++) {
    const [xi, yi] = [i, (i + 1) % names.length];
    const label = `page ${i} (x ${names[xi]}, y ${names[yi]}, colour ${names[(i + 2) % names.length]})`;
    const { page, errors } = await openChart(pages, `${i}/chart.html`);
    const points = await page.evaluate(() => {
      const view = window.__pixtipViews[0];
      const surface = view.container().querySelector('canvas.marks, svg.marks');
      const box = surface.getBoundingClientRect();
      const pad = view.padding();
      const [ox, oy] = view.origin().map((o, k) => o + (k === 0 ? pad.left || 0 : pad.top || 0));
      const found = [];
      const walk = (scene, gx, gy) => {
        for (const item of scene.items || []) {
          if (scene.marktype === 'group') {
            for (const child of item.items || []) walk(child, gx + (item.x || 0), gy + (item.y || 0));
          } else if (scene.marktype === 'symbol' && item.datum && Object.hasOwn(item.datum, 'picture')) {
            const datum = {};
            for (const k of Object.keys(item.datum)) if (k !== 'picture') datum[k] = item.datum[k];
            found.push({ x: box.left + ox + gx + item.x, y: box.top + oy + gy + item.y, datum });
          }
        }
      };
      walk(view.scenegraph().root, 0, 0);
      return found;
    });
    assert.equal(points.length, rows, `${label}: one point per row`);
    // The x and y columns plot where their values say: some data field holds
    // each column's values, and the points are ordered by them.
    for (const [j, axis, sign] of [[xi, 'x', 1], [yi, 'y', -1]]) {
      const want = valuesOf(j);
      const keys = Object.keys(points[0].datum).filter(
        (k) => points.map((p) => p.datum[k]).sort((a, b) => a - b).join() === want.join(),
      );
      assert.equal(keys.length, 1, `${label}: one data field holds ${names[j]}: ${keys}`);
      const sorted = [...points].sort((a, b) => a.datum[keys[0]] - b.datum[keys[0]]);
      for (let k = 1; k < sorted.length; k++) {
        assert.ok(sign * (sorted[k][axis] - sorted[k - 1][axis]) > 0.5, `${label}: ${axis} grows with ${names[j]}`);
      }
    }
    const far = points.reduce((a, b) => (b.x > a.x ? b : a));
    const shown = await hoverTooltip(page, far);
    assert.match(shown.src, /^data:image\/png;base64,/, `${label}: the tooltip shows the picture`);
    // The text as shown: titles that Vega-Lite and Vega would look up as
    // properties carry a zero-width space (U+200B), which draws nothing.
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('#vg-tooltip-element.visible td')].map((td) =>
        td.textContent.replaceAll('\u200b', ''),
      ),
    );
    for (const name of names) assert.ok(cells.includes(name), `${label}: ${JSON.stringify(name)} shown as text in ${cells}`);
    assert.deepEqual(errors, [], `${label}: no console errors`);
    await page.close();
  }
});
