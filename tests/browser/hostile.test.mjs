// Hostile strings stay data: a `pixtip chart` page whose column names, values,
// title and file name carry quotes, markup, `</script>`, backslashes, dots,
// brackets, U+2028 and `javascript:` (written by browser.rs).
//
// Environment: PIXTIP_PAGES_DIR holding chart.html; PIXTIP_HOSTILE a JSON
// object {x, y, color, values: [...], xs: [...]} naming what the page holds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { circles, hoverTooltip, openChart, serveAndLaunch } from './common.mjs';

const pages = serveAndLaunch(process.env.PIXTIP_PAGES_DIR);
const hostile = JSON.parse(process.env.PIXTIP_HOSTILE);

test('hostile strings are shown as text and run nothing', async () => {
  const { page, errors } = await openChart(pages, 'chart.html');
  await page.evaluate(() => { window.__flag = 'clean'; });
  const points = await circles(page, 'picture');
  assert.equal(points.length, hostile.values.length, 'one point per row');

  // The field named with dots and brackets plots its own column: each
  // point's x is the x scale of the value its row holds in that column.
  const mapped = await page.evaluate(() => {
    const view = window.__pixtipViews[0];
    const x = view.scale('x');
    const out = [];
    const walk = (scene) => {
      for (const item of scene.items || []) {
        if (scene.marktype === 'group') (item.items || []).forEach(walk);
        else if (scene.marktype === 'symbol' && item.datum && 'picture' in item.datum) {
          out.push({ x: item.x, datum: item.datum, scaled: Object.fromEntries(Object.entries(item.datum).map(([k, v]) => [k, x(v)])) });
        }
      }
    };
    walk(view.scenegraph().root);
    return out;
  });
  const keys = Object.keys(mapped[0].datum).filter((k) =>
    mapped.map((m) => m.datum[k]).sort().join() === [...hostile.xs].sort().join(),
  );
  assert.equal(keys.length, 1, `one data field holds the x column: ${keys}`);
  for (const m of mapped) assert.ok(Math.abs(m.x - m.scaled[keys[0]]) < 0.5, `x of ${m.datum[keys[0]]}`);

  const seen = new Set();
  for (const point of points) {
    await hoverTooltip(page, point);
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll('#vg-tooltip-element.visible td')].map((td) => td.textContent),
    );
    for (const text of cells) seen.add(text);
  }
  for (const name of [hostile.y, hostile.color]) assert.ok(seen.has(name), `key ${JSON.stringify(name)} shown as text`);
  for (const value of hostile.values) assert.ok(seen.has(value), `value ${JSON.stringify(value)} shown as text`);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected handler or script ran');
  assert.equal(await page.evaluate(() => window.__flag), 'clean');
  assert.deepEqual(errors, []);
  await page.close();
});
