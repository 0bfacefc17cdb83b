// The admin in a real browser: sign-in, throttling, two-factor sign-in,
// writing and publishing, review, scheduling, stale saves, revisions,
// media, CSRF, accessibility and screenshots.
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const password = role => `e2e password for ${role}`;

async function signIn(c, page, email, pass, code) {
  await page.goto(c.base + '/admin/login');
  await page.fill('#email', email);
  await page.fill('#password', pass);
  if (code) await page.fill('#code', code);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');
}

async function asRole(c, role) {
  const context = await c.browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await signIn(c, page, `${role}@example.org`, password(role));
  c.assert(page.url().endsWith('/admin/'), `${role} did not reach the dashboard: ${page.url()}`);
  return { context, page };
}

function base32Decode(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of s.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

// RFC 6238 TOTP, SHA-1, 6 digits, 30 s: computed here independently.
function totp(secret, when = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(when / 1000 / 30)));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const off = mac[mac.length - 1] & 15;
  const code = ((mac.readUInt32BE(off) & 0x7fffffff) % 1000000).toString().padStart(6, '0');
  return code;
}

// A JPEG carrying EXIF with a GPS position: a clean demo picture with an
// APP1 segment spliced in after its start marker. Little-endian TIFF: IFD0
// holds only the GPS pointer (tag 0x8825); the GPS IFD holds latitude N
// 52 deg 22 min 12 s.
function withGps(clean) {
  const tiff = Buffer.alloc(8 + 18 + 4 + 30 + 24);
  let o = 0;
  tiff.write('II', o); o += 2; tiff.writeUInt16LE(42, o); o += 2; tiff.writeUInt32LE(8, o); o += 4;
  tiff.writeUInt16LE(1, o); o += 2;                       // IFD0: one entry
  tiff.writeUInt16LE(0x8825, o); tiff.writeUInt16LE(4, o + 2); tiff.writeUInt32LE(1, o + 4);
  tiff.writeUInt32LE(30, o + 8); o += 12;                 // GPS IFD at offset 30
  tiff.writeUInt32LE(0, o); o += 4;                       // no next IFD
  o = 30;
  tiff.writeUInt16LE(2, o); o += 2;                       // GPS IFD: two entries
  tiff.writeUInt16LE(1, o); tiff.writeUInt16LE(2, o + 2); tiff.writeUInt32LE(2, o + 4);
  tiff.write('N\0', o + 8); o += 12;                      // GPSLatitudeRef
  tiff.writeUInt16LE(2, o); tiff.writeUInt16LE(5, o + 2); tiff.writeUInt32LE(3, o + 4);
  tiff.writeUInt32LE(60, o + 8); o += 12;                 // GPSLatitude at 60
  tiff.writeUInt32LE(0, o);
  [52, 1, 22, 1, 12, 1].forEach((v, i) => tiff.writeUInt32LE(v, 60 + i * 4));
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'binary'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0); app1.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([clean.subarray(0, 2), app1, payload, clean.subarray(2)]);
}

function sql(c, query) {
  return execFileSync('python3', ['-c',
    'import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); r=db.execute(sys.argv[2]).fetchone(); print("" if r is None else r[0])',
    `${c.site}/gazette.db`, query]).toString().trim();
}

async function write(page, c, fields) {
  await page.goto(c.base + '/admin/articles/new');
  await page.fill('#f-title', fields.title);
  await page.fill('#f-body', fields.body || 'A short body for the test.');
  if (fields.section) await page.selectOption('#f-section', fields.section);
  if (fields.tags) await page.fill('#f-tags', fields.tags);
}

const sizes = [['phone', 390, 844], ['desktop', 1280, 900]];

export const tests = [
  ['sign-in works, and a wrong password gets the same message as an unknown email', async (c) => {
    const page = await c.context.newPage();
    await signIn(c, page, 'editor@example.org', 'not the password at all');
    const wrong = await page.textContent('.error');
    await signIn(c, page, 'nobody@example.org', 'not the password at all');
    const unknown = await page.textContent('.error');
    c.assert(wrong === unknown, `different messages: "${wrong}" / "${unknown}"`);
    await signIn(c, page, 'editor@example.org', password('editor'));
    c.assert(page.url().endsWith('/admin/'), `not on the dashboard: ${page.url()}`);
    const cookies = await c.context.cookies();
    const session = cookies.find(k => k.name === 'gz_session');
    c.assert(session && session.httpOnly && session.sameSite === 'Lax' && session.path === '/admin',
      `session cookie: ${JSON.stringify(session)}`);
    c.assert(session.value.length >= 43, 'session token too short');
  }],
  ['repeated failures are throttled', async (c) => {
    const page = await c.context.newPage();
    let status = 0;
    page.on('response', r => { if (r.url().endsWith('/admin/login') && r.request().method() === 'POST') status = r.status(); });
    for (let i = 0; i < 7; i++) await signIn(c, page, 'victim@example.org', `wrong ${i}`);
    c.assert(status === 429, `after 7 failures the status is ${status}`);
    // Even the right password waits now.
    await signIn(c, page, 'victim@example.org', password('victim'));
    c.assert(status === 429 && page.url().endsWith('/admin/login'), 'the right password got in while throttled');
  }],
  ['two-factor enrolment, then sign-in with a computed code', async (c) => {
    const page = await c.context.newPage();
    await signIn(c, page, 'twofa@example.org', password('twofa'));
    await page.goto(c.base + '/admin/account/2fa');
    c.assert(await page.$('.qr svg'), 'no QR code');
    const secret = (await page.textContent('.secret')).replace(/\s/g, '');
    await page.screenshot({ path: `${c.shots}/admin-2fa-desktop.png`, fullPage: true });
    await page.fill('#code', totp(secret));
    await page.click('button.primary');
    const codes = await page.$$eval('.codes code', els => els.map(e => e.textContent));
    c.assert(codes.length === 10, `${codes.length} recovery codes`);
    // Sign out, then in again: the password alone is not enough.
    await page.goto(c.base + '/admin/account');
    await page.click('.me button');
    await signIn(c, page, 'twofa@example.org', password('twofa'));
    c.assert(page.url().includes('/admin/login'), 'signed in without the code');
    // The same code cannot be used twice; wait for the next step if needed.
    const now = Date.now();
    const next = now + (30000 - (now % 30000)) + 500;
    await page.waitForTimeout(Math.max(0, next - Date.now()));
    await signIn(c, page, 'twofa@example.org', password('twofa'), totp(secret));
    c.assert(page.url().endsWith('/admin/'), `the computed code did not sign in: ${page.url()}`);
    // A recovery code works once.
    await page.click('.me button');
    await signIn(c, page, 'twofa@example.org', password('twofa'), codes[0]);
    c.assert(page.url().endsWith('/admin/'), 'a recovery code did not sign in');
  }],
  ['an editor writes and publishes: live on the home page at once', async (c) => {
    const { context, page } = await asRole(c, 'editor');
    const title = `Harbour ferry returns ${Date.now()}`;
    await write(page, c, { title, section: 'news/city', tags: 'Harbour, Ferry test' });
    await page.click('button[value=publish]');
    await page.waitForLoadState('load');
    c.assert(page.url().includes('done=published'), `after publish: ${page.url()}`);
    const home = await context.newPage();
    await home.goto(c.base + '/');
    c.assert((await home.content()).includes(title), 'the new article is not on the home page');
    await home.goto(c.base + '/news/city/');
    c.assert((await home.content()).includes(title), 'not on its section page');
    await home.goto(c.base + '/tag/ferry-test/');
    c.assert((await home.content()).includes(title), 'not on its (new) tag page');
    await context.close();
  }],
  ['a contributor submits for review and an editor approves', async (c) => {
    const contributor = await asRole(c, 'contributor');
    const title = `Letter from the allotments ${Date.now()}`;
    await write(contributor.page, c, { title, section: 'opinion/letters' });
    c.assert(!(await contributor.page.$('button[value=publish]')), 'a contributor sees Publish');
    await contributor.page.click('button[value=submit]');
    await contributor.page.waitForLoadState('load');
    const url = contributor.page.url();
    c.assert(url.includes('done=submitted'), `after submit: ${url}`);
    const id = url.match(/articles\/(\d+)/)[1];
    await contributor.context.close();
    const editor = await asRole(c, 'editor');
    await editor.page.goto(c.base + '/admin/articles?status=review');
    c.assert((await editor.page.content()).includes(title), 'not in the review queue');
    await editor.page.goto(c.base + `/admin/articles/${id}`);
    await editor.page.click('button[value=publish]');
    await editor.page.waitForLoadState('load');
    await editor.page.goto(c.base + '/');
    c.assert((await editor.page.content()).includes(title), 'approved article not live');
    await editor.context.close();
  }],
  ['a scheduled article goes live at its time with no request in between', async (c) => {
    const { context, page } = await asRole(c, 'editor');
    const title = `Tide tables for the weekend ${Date.now()}`;
    await write(page, c, { title, section: 'news/city' });
    // The site's zone is UTC in the demo: a time 4 seconds ahead.
    const at = new Date(Date.now() + 4000);
    const date = at.toISOString().slice(0, 10), time = at.toISOString().slice(11, 19);
    await page.fill('#f-sdate', date);
    await page.fill('#f-stime', time);
    await page.click('button[value=schedule]');
    await page.waitForLoadState('load');
    c.assert(page.url().includes('done=scheduled'), `after schedule: ${page.url()}`);
    const id = page.url().match(/articles\/(\d+)/)[1];
    c.assert(sql(c, `select status from articles where id=${id}`) === 'scheduled', 'not scheduled');
    await page.waitForTimeout(6500);
    // Read the database before any request: the server's own timer did it.
    c.assert(sql(c, `select status from articles where id=${id}`) === 'published', 'not published by the timer');
    await page.goto(c.base + '/');
    c.assert((await page.content()).includes(title), 'scheduled article not on the home page');
    await context.close();
  }],
  ['a stale save gets 409 and shows both versions; nothing is lost', async (c) => {
    const one = await asRole(c, 'editor');
    const two = await asRole(c, 'admin');
    await write(one.page, c, { title: `Budget row ${Date.now()}`, body: 'First text.' });
    await one.page.click('button[value=save]');
    await one.page.waitForLoadState('load');
    const url = one.page.url().split('?')[0];
    await two.page.goto(url);
    await one.page.fill('#f-body', 'Text of editor one.');
    await two.page.fill('#f-body', 'Text of editor two.');
    await one.page.click('button[value=save]');
    await one.page.waitForLoadState('load');
    let status = 0;
    two.page.on('response', r => { if (r.request().method() === 'POST') status = r.status(); });
    await two.page.click('button[value=save]');
    await two.page.waitForLoadState('load');
    c.assert(status === 409, `stale save answered ${status}`);
    const html = await two.page.content();
    c.assert(html.includes('Text of editor one.') && html.includes('Text of editor two.'), 'both versions not shown');
    c.assert((await two.page.inputValue('#f-body')) === 'Text of editor two.', 'the stale text is not kept in the form');
    await two.page.screenshot({ path: `${c.shots}/admin-conflict-desktop.png`, fullPage: true });
    await two.page.click('button[value=save]');
    await two.page.waitForLoadState('load');
    c.assert(two.page.url().includes('done=saved'), 'saving again after the conflict failed');
    await one.context.close();
    await two.context.close();
  }],
  ['a revision is restored', async (c) => {
    const { context, page } = await asRole(c, 'editor');
    await write(page, c, { title: 'Revision test', body: 'Original wording.' });
    await page.click('button[value=save]');
    await page.waitForLoadState('load');
    const url = page.url().split('?')[0];
    await page.fill('#f-body', 'Changed wording.');
    await page.click('button[value=save]');
    await page.waitForLoadState('load');
    await page.goto(url + '/revisions');
    await page.click('table.list tbody tr:last-child a');
    c.assert((await page.content()).includes('Original wording.'), 'diff does not show the old text');
    page.on('dialog', d => d.accept());
    await page.click('form[action$="/restore"] button');
    await page.waitForLoadState('load');
    c.assert((await page.inputValue('#f-body')) === 'Original wording.', 'not restored');
    await context.close();
  }],
  ['a form post without the CSRF token is refused and changes nothing', async (c) => {
    const { context, page } = await asRole(c, 'editor');
    const before = sql(c, 'select count(*) from articles');
    const res = await page.evaluate(async () => {
      const body = new URLSearchParams({ title: 'Forged', body: 'x', action: 'publish' });
      const r = await fetch('/admin/articles/new', { method: 'POST', body });
      return r.status;
    });
    c.assert(res === 403, `forged post answered ${res}`);
    c.assert(sql(c, 'select count(*) from articles') === before, 'an article was created');
    await context.close();
  }],
  ['media upload strips metadata', async (c) => {
    const { context, page } = await asRole(c, 'editor');
    await page.goto(c.base + '/admin/media');
    const input = await page.$('input[type=file]');
    c.assert(input, 'no upload field on the media page');
    const clean = execFileSync('sh', ['-c', `cat $(ls ${c.site}/media/*.jpg | head -1)`]);
    const jpeg = `${c.site}/../gps.jpg`;
    const tagged = withGps(clean);
    writeFileSync(jpeg, tagged);
    c.assert(tagged.includes(Buffer.from('Exif')), 'the test picture has no EXIF');
    await input.setInputFiles(jpeg);
    const alt = await page.$('input[name=alt]');
    if (alt) await alt.fill('Cranes on the quay in the rain');
    await page.click('form[enctype="multipart/form-data"] button[type=submit]');
    await page.waitForLoadState('load');
    c.assert(page.url().includes('done=uploaded'), `after upload: ${page.url()}`);
    const files = execFileSync('sh', ['-c', `ls -t ${c.site}/media | head -7`]).toString().split('\n').filter(Boolean);
    c.assert(files.length >= 3, 'no renditions written');
    for (const f of files) {
      const data = execFileSync('cat', [`${c.site}/media/${f}`]);
      c.assert(!data.includes(Buffer.from('Exif')), `${f} still has EXIF`);
      if (f.endsWith('.jpg')) {
        // Walk the segments before the image data: no APP1 (EXIF/XMP), no APP13 (IPTC).
        for (let o = 2; o + 4 < data.length && data[o] === 0xff && data[o + 1] !== 0xda;
             o += 2 + data.readUInt16BE(o + 2))
          c.assert(data[o + 1] !== 0xe1 && data[o + 1] !== 0xed, `${f} has segment ${data[o + 1].toString(16)}`);
      } else if (f.endsWith('.webp')) {
        for (let o = 12; o + 8 <= data.length; o += 8 + data.readUInt32LE(o + 4) + (data.readUInt32LE(o + 4) & 1)) {
          const fourcc = data.toString('latin1', o, o + 4);
          c.assert(fourcc !== 'EXIF' && fourcc !== 'XMP ', `${f} has a ${fourcc} chunk`);
        }
      }
    }
    await page.screenshot({ path: `${c.shots}/admin-media-desktop.png`, fullPage: true });
    await context.close();
  }],
  ['admin pages pass axe and are screenshotted at phone and desktop widths', async (c) => {
    const { context, page } = await asRole(c, 'admin');
    const pages = { dashboard: '/admin/', articles: '/admin/articles', editor: '/admin/articles/1',
      new: '/admin/articles/new', account: '/admin/account', trash: '/admin/trash',
      revisions: '/admin/articles/1/revisions' };
    for (const [label, path] of Object.entries(pages)) {
      for (const [size, w, h] of sizes) {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(c.base + path);
        await page.screenshot({ path: `${c.shots}/admin-${label}-${size}.png`, fullPage: true });
      }
      await c.axe(page, `admin ${label}`);
    }
    const login = await c.browser.newContext({ bypassCSP: true });
    const lp = await login.newPage();
    for (const [size, w, h] of sizes) {
      await lp.setViewportSize({ width: w, height: h });
      await lp.goto(c.base + '/admin/login');
      await lp.screenshot({ path: `${c.shots}/admin-login-${size}.png`, fullPage: true });
    }
    await c.axe(lp, 'admin login');
    await login.close();
    await context.close();
  }],
];
