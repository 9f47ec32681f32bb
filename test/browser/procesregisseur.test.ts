import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
  env: {
    KNOOPPUNT_WEB_ORIGIN: origin,
    // The API calls that arrange the data come through supertest with the proxy's certificate header.
    KNOOPPUNT_TRUSTED_PROXIES: '127.0.0.1,::1',
  },
});

describe('a procesregisseur in a real browser', () => {
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let casusId = '';

  async function refer(partnerId: string, body: Record<string, unknown>): Promise<string> {
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(await t.tokenHeaders(partnerId, 'medewerker'))
      .send({ gemeente: 'Demostad', reden: 'Zorgen', leefgebieden: [], ...body });
    assert.equal(res.status, 201, res.text);
    return res.body.casus;
  }

  before(async () => {
    casusId = await refer('politie-demo', {
      soort: 'systeem',
      betrokkenen: [
        { ref: 'm', voornamen: 'Fatima', achternaam: 'Bakker', geboortedatum: '1982-03-03', rol: 'hoofdpersoon' },
        { ref: 'k', voornamen: 'Noor', achternaam: 'Bakker', geboortedatum: '2012-04-04', rol: 'systeemlid' },
      ],
      relaties: [{ van: 'm', naar: 'k', soort: 'ouder' }],
    });
    const persoon = { soort: 'persoon' };
    await refer('politie-demo', {
      ...persoon,
      betrokkenen: [
        { ref: 'p', voornamen: 'Sanne', achternaam: 'Hendriks', geboortedatum: '1970-07-07', bsn: testBsn(91) },
      ],
    });
    await refer('gemeente-demo', {
      ...persoon,
      betrokkenen: [
        { ref: 'p', voornamen: 'S.', achternaam: 'Hendrikx', geboortedatum: '1970-07-07', postcode: '2000BB' },
      ],
    });
    chromium = await launchBrowser(t.pki.serverCert);
    browser = chromium.browser;
    context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const s = await webSessionFor(t, 'zvh-demo', 'procesregisseur', 'Regisseur Rob');
    await context.addCookies([
      {
        name: SESSION_COOKIE,
        value: s.cookie.split('=')[1]!,
        url: origin,
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    page = await context.newPage();
  });
  after(async () => {
    await chromium?.close();
  });

  it('decides a link proposal with a reason, the two records side by side', async () => {
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Koppelvoorstellen' }).first().click();
    await assertAccessible(page, 'the link proposals');
    const first = page.locator('section.kp-proposal').first();
    assert.match(await first.locator('table').innerText(), /Hendrik/, 'the records are shown side by side');
    await first.getByLabel('Afwijzen: dit zijn verschillende personen').check();
    await first.getByLabel('Reden (verplicht)').fill('Andere postcode en voornaam; navraag bij gemeente.');
    await first.getByRole('button', { name: 'Besluit opslaan' }).click();
    await page.waitForURL(/besluit=opgeslagen/);
    assert.match(await page.locator('[role=status]').first().innerText(), /opgeslagen/, 'the decision is confirmed');
    await assertAccessible(page, 'the link proposals after a decision');
  });

  it('opens a casus for a purpose and reads the family diagram and its text', async () => {
    await page.goto(`${origin}/mijn-casussen`);
    await assertAccessible(page, 'my casussen');
    await page.locator(`a[href="/mijn-casussen/${casusId}"]`).click();
    await assertAccessible(page, 'the purpose question');
    await page.getByLabel('Voor welk doel bekijkt u deze casus?').selectOption('casusoverleg');
    await page.getByRole('button', { name: 'Casus bekijken' }).click();
    const diagram = page.getByRole('img', { name: /Gezinssysteem/ });
    assert.equal(await diagram.count(), 1, 'the diagram is an image with a name');
    assert.match(
      await page.locator('figcaption').innerText(),
      /Fatima Bakker is ouder van Noor Bakker/,
      'its text alternative',
    );
    await assertAccessible(page, 'the casus overview');
  });

  it('follows the casus overview to the triage, plan, information and meeting pages, each accessible', async () => {
    await request(t.app)
      .post(`/api/v1/casussen/${casusId}/triagebesluit`)
      .set(await t.tokenHeaders('zvh-demo', 'procesregisseur'))
      .send({ uitkomst: 'procesregie', motivering: 'Meerdere leefgebieden en partners.' })
      .expect(201);
    for (const [link, heading] of [
      ['Triage: redenen en geschiedenis', /Besluit en geschiedenis/],
      ['Plan van aanpak en interventies', /Interventies op volgorde van deadline/],
      ['Informatie per leefgebied', /Doel: casusoverleg/],
      ['Agenda van het volgende casusoverleg', /niet op de agenda/],
    ] as const) {
      await page.goto(`${origin}/mijn-casussen/${casusId}?doel=casusoverleg`);
      await page.getByRole('link', { name: link }).click();
      assert.match(await page.locator('main').innerText(), heading, `${link} opens`);
      await assertAccessible(page, link);
    }
  });

  it('reflows to 320 px without horizontal scrolling of the page', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${origin}/mijn-casussen/${casusId}?doel=casusoverleg`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  });

  it('gives a beheerder accessible partner pages (axe on the list and on one partner with its forms)', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'beheerder', 'Beheerder Bea');
    const ctx = await browser.newContext({ locale: 'nl-NL' });
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
    const p = await ctx.newPage();
    await p.goto(`${origin}/beheer/partners`);
    await assertAccessible(p, 'the partner list');
    await p.getByRole('link', { name: 'GGZ Demo' }).click();
    await assertAccessible(p, 'one partner with its certificates and keys');
    await p.goto(`${origin}/convenant/simuleren?soort=woningcorporatie&doel=casusoverleg`);
    await assertAccessible(p, 'the covenant simulation');
    await ctx.close();
  });
});
