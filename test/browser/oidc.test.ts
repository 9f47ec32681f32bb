import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import Provider from 'oidc-provider';
import type { Browser, Page } from 'playwright-core';
import { inviteMedewerker } from '../../gateway/web/accounts/invite-medewerker.js';
import { assertAccessible, freePort, launchBrowser } from '../support/browser.js';
import { useTestApp } from '../support/test-app.js';

const port = await freePort();
const idpPort = await freePort();
const origin = `https://localhost:${port}`;
const issuer = `http://localhost:${idpPort}`;
const t = useTestApp({
  https: true,
  port,
  env: {
    KNOOPPUNT_WEB_ORIGIN: origin,
    KNOOPPUNT_OIDC_ISSUER: issuer,
    KNOOPPUNT_OIDC_CLIENT_ID: 'knooppunt',
    KNOOPPUNT_OIDC_CLIENT_SECRET: 'test-geheim-van-de-client',
  },
});

describe('signing in through the organisation (OpenID Connect), against a real provider', () => {
  let idp: Server;
  let chromium: Awaited<ReturnType<typeof launchBrowser>>;
  let browser: Browser;
  let page: Page;

  before(async () => {
    // A real OpenID provider (node-oidc-provider) with its development login pages, on loopback.
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'knooppunt',
          client_secret: 'test-geheim-van-de-client',
          redirect_uris: [`${origin}/inloggen/oidc/terug`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      cookies: { keys: ['test-cookie-sleutel'] },
      pkce: { required: () => true },
      findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub }) }),
    });
    idp = provider.listen(idpPort);
    const { medewerkerId } = await inviteMedewerker(
      { store: t.db.store, clock: t.clock },
      { partnerId: 'zvh-demo', rol: 'privacy-officer', pseudoniem: 'Officer via IdP' },
    );
    await t.db.store.medewerkers.setOidcSubject(medewerkerId, 'kim.devries');
    chromium = await launchBrowser(t.pki.serverCert);
    browser = chromium.browser;
    page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
  });
  after(async () => {
    await chromium?.close();
    await new Promise((resolve) => idp?.close(resolve));
  });

  it('offers the organisation sign-in and lands the mapped employee on the start page', async () => {
    await page.goto(`${origin}/inloggen`);
    await assertAccessible(page, 'the sign-in page with OIDC');
    await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).click();
    await page.waitForURL(new RegExp(`^${issuer}/interaction/`));
    await page.locator('input[name=login]').fill('kim.devries');
    await page.locator('input[name=password]').fill('wat-dan-ook');
    await page.locator('button[type=submit]').click();
    await page.locator('button[type=submit]').click();
    await page.waitForURL(`${origin}/`);
    assert.match(await page.locator('h1').innerText(), /Welkom, Officer via IdP/, 'the employee the subject maps to');
  });
});
