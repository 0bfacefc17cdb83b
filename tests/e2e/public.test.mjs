// The public site in a real browser: screenshots at phone and desktop
// widths, accessibility (axe), keyboard use, and reading with JavaScript off.

async function firstHref(page, selector) {
  return page.$eval(selector, a => a.getAttribute('href'));
}

const sizes = [['phone', 390, 844], ['desktop', 1280, 900]];

export const tests = [
  ['home, section, article, author and tag pages pass axe and are screenshotted', async (c) => {
    const page = await c.context.newPage();
    await page.goto(c.base + '/');
    const article = await firstHref(page, '.lead-title a');
    const section = await firstHref(page, '.block-title a');
    await page.goto(c.base + article);
    const author = await firstHref(page, '.byline a');
    const tag = await firstHref(page, '.tags a');
    const pages = { home: '/', section, article, author, tag, about: '/about/', missing: '/no-such-page/' };
    for (const [label, path] of Object.entries(pages)) {
      for (const [size, w, h] of sizes) {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(c.base + path, { waitUntil: 'load' });
        await page.screenshot({ path: `${c.shots}/public-${label}-${size}.png`, fullPage: true });
      }
      await c.axe(page, label);
    }
  }],
  ['a statement shows its signature block', async (c) => {
    const page = await c.context.newPage();
    await page.goto(c.base + '/');
    const links = await page.$$eval('a', as => as.map(a => a.getAttribute('href')));
    let found = false;
    for (const href of links.filter(h => /^\/\d{4}\/\d{2}\//.test(h))) {
      await page.goto(c.base + href);
      if (await page.$('.signature')) { found = true; break; }
    }
    if (!found) {
      // Statements may not be on the front page: look through sections.
      await page.goto(c.base + '/politics/');
      for (const href of await page.$$eval('.card-title a', as => as.map(a => a.getAttribute('href')))) {
        await page.goto(c.base + href);
        if (await page.$('.signature')) { found = true; break; }
      }
    }
    c.assert(found, 'no statement with a signature block found');
    for (const [size, w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: `${c.shots}/public-statement-${size}.png`, fullPage: true });
    }
    const signed = await page.$eval('.signed', e => e.textContent);
    c.assert(signed.trim().length > 3, 'empty signature');
  }],
  ['the skip link is the first thing the keyboard reaches and it works', async (c) => {
    const page = await c.context.newPage();
    await page.goto(c.base + '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement.className);
    c.assert(focused === 'skip', `first Tab focuses "${focused}"`);
    const visible = await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0);
    c.assert(visible, 'the focused skip link is off screen');
    await page.keyboard.press('Enter');
    const hash = await page.evaluate(() => location.hash);
    c.assert(hash === '#main', `skip link went to "${hash}"`);
  }],
  ['pages read the same with JavaScript off and load nothing from elsewhere', async (c) => {
    const context = await c.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const foreign = [];
    page.on('request', r => { if (!r.url().startsWith(c.base)) foreign.push(r.url()); });
    await page.goto(c.base + '/');
    const title = await page.$eval('.site-name', e => e.textContent);
    c.assert(title.length > 0, 'no site name');
    const article = await firstHref(page, '.lead-title a');
    await page.goto(c.base + article);
    const body = await page.$eval('.body', e => e.innerText);
    c.assert(body.length > 200, 'article body too short without JavaScript');
    c.assert(foreign.length === 0, `requests to other hosts: ${foreign.join(', ')}`);
    await context.close();
  }],
  ['the phone layout has no horizontal scrolling', async (c) => {
    const page = await c.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/', '/about/']) {
      await page.goto(c.base + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      c.assert(overflow <= 1, `${path} is ${overflow}px wider than a phone`);
    }
  }],
];
