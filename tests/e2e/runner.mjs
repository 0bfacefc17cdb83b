// A small TAP test runner for the browser tests: each *.test.mjs exports
// `tests`, a list of [name, async (ctx) => {}]; ctx has the browser, the base
// URL and helpers. One browser for all; a fresh context per test.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

function assert(cond, message) {
  if (!cond) throw new Error(message || 'assertion failed');
}

async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const detail = bad.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
    throw new Error(`${label}: axe found ${bad.length} serious or critical problems: ${detail.join('; ')}`);
  }
  return result.violations.length;
}

const base = process.env.GZ_BASE;
let n = 0, failed = 0;
for (const file of process.argv.slice(2)) {
  const mod = await import(`./${file}`);
  for (const [name, fn] of mod.tests) {
    n++;
    // axe is injected as an inline script, which the site's CSP rightly forbids.
    const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
    const ctx = { browser, context, base, assert, axe, site: process.env.GZ_SITE,
                  bin: process.env.GZ_BIN, shots: process.env.GZ_SCREENSHOTS };
    try {
      await fn(ctx);
      console.log(`ok ${n} - ${file.replace('.test.mjs', '')}: ${name}`);
    } catch (e) {
      failed++;
      console.log(`not ok ${n} - ${file.replace('.test.mjs', '')}: ${name}`);
      for (const line of String(e.stack || e).split('\n').slice(0, 6)) console.log(`# ${line}`);
    } finally {
      await context.close();
    }
  }
}
await browser.close();
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
