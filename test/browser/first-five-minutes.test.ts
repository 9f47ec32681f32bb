import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { firstRunInvitations } from '../../gateway/web/accounts/first-run.js';
import { SESSION_COOKIE } from '../../gateway/web/cookies.js';
import { assertAccessible, freePort, launchBrowser, pageWithPasskeys } from '../support/browser.js';
import { appendDisclosure } from '../support/log-entries.js';
import { useTestApp } from '../support/test-app.js';

const port = await freePort();
const origin = `https://localhost:${port}`;
const t = useTestApp({
  https: true,
  port,
  env: { KNOOPPUNT_WEB_ORIGIN: origin, KNOOPPUNT_ISSUER: `${origin}/api/v1` },
});

let chromium: Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let entry: number;

async function sessionCookie(): Promise<string | undefined> {
  return (await context.cookies(origin)).find((c) => c.name === SESSION_COOKIE)?.value;
}

describe('the first five minutes of a privacy officer, in a real browser', () => {
  before(async () => {
    chromium = await launchBrowser(t.pki.serverCert);
    browser = chromium.browser;
    context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await pageWithPasskeys(context);
    entry = await appendDisclosure(t, { ontvanger: 'politie-demo', bronnen: ['gemeente-demo'], marker: 'EERSTE5' });
  });
  after(async () => {
    await chromium?.close();
  });

  it('enrols a passkey with the one-time link and lands on the start page, signed in', async () => {
    // The links `npm start` prints on a first run.
    const links = await firstRunInvitations({ store: t.db.store, clock: t.clock }, 'zvh-demo');
    const token = links.find((l) => l.rol === 'privacy-officer')!.token;
    // An attacker's cookie planted before sign-in must never become the session (fixation).
    await context.addCookies([{ name: SESSION_COOKIE, value: 'A'.repeat(43), url: origin, secure: true }]);
    await page.goto(`${origin}/uitnodiging/${token}`);
    await assertAccessible(page, 'the enrolment page');
    await page.getByRole('button', { name: 'Passkey aanmaken' }).click();
    await page.waitForURL(`${origin}/`);
    assert.match(
      await page.locator('h1').innerText(),
      /Welkom, Eerste privacy officer/,
      'the start page greets the new employee',
    );
    assert.notEqual(await sessionCookie(), 'A'.repeat(43), 'sign-in gave a new session id');
    await assertAccessible(page, 'the start page');
    const planted = await request(t.app)
      .get('/')
      .set('Cookie', `${SESSION_COOKIE}=${'A'.repeat(43)}`);
    assert.equal(planted.status, 303, 'the planted cookie opens nothing');
  });

  it('finds a disclosure and sees it verified on its own machine', async () => {
    await page.getByRole('link', { name: 'Verstrekkingslog doorzoeken' }).click();
    await assertAccessible(page, 'the empty search form');
    await page.getByLabel('Partner (code)').fill('politie-demo');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await assertAccessible(page, 'the search results');
    await page.getByRole('link', { name: `Regel ${entry} bekijken` }).click();
    const verdict = page.locator('#bewijs-browser[data-uitkomst]');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-uitkomst'), 'geverifieerd', await verdict.innerText());
    assert.match(await verdict.innerText(), /Geverifieerd op uw eigen computer/, 'the officer reads the verdict');
    await assertAccessible(page, 'a log entry with its verified proof');
  });

  it('shows form errors in a summary that links to the field', async () => {
    await page.goto(`${origin}/logboek`);
    await page.getByLabel('BSN van de persoon (niet verplicht)').fill('123');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    assert.match(await page.locator('.kp-error-summary').innerText(), /geldig BSN/, 'the summary names the error');
    assert.doesNotMatch(page.url(), /123/, 'the BSN is never in the URL');
    await assertAccessible(page, 'the search form with an error');
  });

  it('signs out and in again with the passkey', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(`${origin}/inloggen`);
    await assertAccessible(page, 'the sign-in page');
    await page.getByRole('button', { name: 'Inloggen met passkey' }).click();
    await page.waitForURL(`${origin}/`);
    assert.match(await page.locator('h1').innerText(), /Welkom/, 'signed in again');
  });

  it('starts every page with the skip link, with a visible focus', async () => {
    await page.goto(`${origin}/toegankelijkheidsverklaring`);
    await assertAccessible(page, 'the accessibility statement');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, top: el.getBoundingClientRect().top };
    });
    assert.equal(focused.text, 'Ga direct naar de inhoud', 'the first Tab reaches the skip link');
    assert.notEqual(focused.outline, 'none', 'its focus is visible');
    assert.ok(focused.top >= 0, 'and it is on screen when focused');
  });

  it('sends a revoked session back to sign-in', async () => {
    await page.goto(`${origin}/`);
    const medewerkers = await t.db.store.medewerkers.byPartner('zvh-demo');
    for (const m of medewerkers) await t.db.store.sessies.endAllOf(m.id, t.clock.now());
    await page.goto(`${origin}/logboek`);
    assert.equal(page.url(), `${origin}/inloggen`, 'the revoked session opens nothing');
  });
});
