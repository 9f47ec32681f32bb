import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { SESSION_COOKIE } from '../../gateway/web/cookies.js';
import { testBsn } from '../support/bsn.js';
import { assertAccessible, freePort, launchBrowser } from '../support/browser.js';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor } from '../support/web-session.js';

const port = await freePort();
const origin = `https://localhost:${port}`;
const t = useTestApp({
  https: true,
  port,
  env: { KNOOPPUNT_WEB_ORIGIN: origin, KNOOPPUNT_TRUSTED_PROXIES: '127.0.0.1,::1', KNOOPPUNT_SIGNAAL_K: '2' },
});
const BSN = testBsn(977);
let casusId = '';

describe('privacy officer, beheerder and beleidsmedewerker pages in a real browser', () => {
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  let browser: Browser;

  /** A page signed in as an employee of `partnerId` in `rol` (the session a passkey sign-in leaves). */
  async function pageAs(partnerId: string, rol: string): Promise<Page> {
    const s = await webSessionFor(t, partnerId, rol);
    const ctx = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    await ctx.addCookies([
      {
        name: SESSION_COOKIE,
        value: s.cookie.split('=')[1]!,
        url: origin,
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    return ctx.newPage();
  }

  /** Tabs from the top of the page until `selector` has focus: the control is reachable by keyboard alone. */
  async function tabTo(page: Page, selector: string): Promise<void> {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    assert.fail(`${selector} is not reachable with the Tab key`);
  }

  before(async () => {
    const politie = await t.tokenHeaders('politie-demo', 'medewerker');
    for (const gemeente of ['Alfadorp', 'Alfadorp', 'Alfadorp', 'Betastad', 'Betastad']) {
      const res = await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(politie)
        .send({
          soort: 'persoon',
          gemeente,
          reden: 'Zorgen',
          leefgebieden: ['druggebruik'],
          betrokkenen: [{ ref: 'p', achternaam: 'Jansen', geboortedatum: '1980-01-01', bsn: BSN }],
        });
      assert.equal(res.status, 201, res.text);
      casusId = res.body.casus;
    }
    chromium = await launchBrowser(t.pki.serverCert);
    browser = chromium.browser;
  });
  after(async () => {
    await chromium?.close();
  });

  it('lets a privacy officer register, read and act on a request by keyboard, accessibly in every state', async () => {
    const page = await pageAs('zvh-demo', 'privacy-officer');
    await page.goto(`${origin}/rechtenverzoeken`);
    await assertAccessible(page, 'the empty request queue');
    await page.goto(`${origin}/rechtenverzoeken/nieuw`);
    await assertAccessible(page, 'the register form');
    await tabTo(page, '#bsn');
    await page.keyboard.type('123456789');
    await tabTo(page, 'form.kp-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.kp-error-summary');
    await assertAccessible(page, 'the register form with an error');
    await page.getByLabel('BSN van de betrokkene').fill(BSN);
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.waitForURL(/\/rechtenverzoeken\/[0-9a-f-]{36}$/);
    await assertAccessible(page, 'one request with its forms');
    await tabTo(page, '#reden');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await page.waitForSelector('.kp-error-summary');
    await assertAccessible(page, 'one request with a form error');
    await page.getByLabel('Reden', { exact: true }).fill('Behandeling gestart');
    await page.getByRole('button', { name: 'Status wijzigen' }).click();
    await page.waitForSelector('text=Reden: Behandeling gestart');
    await page.goto(`${origin}/rechtenverzoeken`);
    await assertAccessible(page, 'the request queue with a request');
    await page.context().close();
  });

  it('gives a beheerder an accessible dead-letter list, empty, with a letter and with a form error', async () => {
    const page = await pageAs('zvh-demo', 'beheerder');
    await page.goto(`${origin}/beheer/dode-brieven`);
    await assertAccessible(page, 'the empty dead-letter list');
    const id = randomUUID();
    await t.db.store.uitgaand.add({
      id,
      partnerId: 'politie-demo',
      soort: 'kennisgeving',
      casusId: null,
      data: '{}',
      aangemaaktOp: t.clock.now(),
    });
    await t.db.store.uitgaand.recordAttempt(id, 0, {
      status: 'dood',
      volgendePoging: t.clock.now(),
      laatsteFout: 'status-500',
      afgeleverdOp: null,
    });
    await page.reload();
    await assertAccessible(page, 'the dead-letter list with a letter');
    await tabTo(page, `#reden-${id}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.kp-error-summary');
    await assertAccessible(page, 'the dead-letter list with a form error');
    await page.goto(`${origin}/convenant/versies`);
    await assertAccessible(page, 'the covenant versions');
    await page.goto(`${origin}/convenant/versies?van=onbekend&naar=onbekend`);
    await assertAccessible(page, 'the covenant versions with a form error');
    await page.context().close();
  });

  it('gives a procesregisseur an accessible signal list and lifecycle form', async () => {
    const page = await pageAs('zvh-demo', 'procesregisseur');
    await page.goto(`${origin}/mijn-casussen/signalen`);
    await assertAccessible(page, 'the empty signal list');
    await page.goto(`${origin}/mijn-casussen/${casusId}/levensloop`);
    await assertAccessible(page, 'the casus lifecycle');
    await tabTo(page, '#reden');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.kp-error-summary');
    await assertAccessible(page, 'the casus lifecycle with a form error');
    await page.context().close();
  });

  it('shows a beleidsmedewerker accessible charts and tables, and a form error', async () => {
    const page = await pageAs('gemeente-demo', 'beleidsmedewerker');
    await page.goto(`${origin}/beleidscijfers`);
    assert.equal(
      (await page.getByRole('img', { name: /Casussen in de regio/ }).count()) > 0,
      true,
      'a chart with a name',
    );
    await assertAccessible(page, 'the signaalfunctie with data');
    await tabTo(page, '#van');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2026-02-01');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.kp-error-summary');
    await assertAccessible(page, 'the signaalfunctie with a form error');
    await page.context().close();
  });
});
