import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import request from 'supertest';
import { WEB_CSP } from '../../gateway/web/web-security.js';
import { appendDisclosure } from '../support/log-entries.js';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor, type WebSession } from '../support/web-session.js';

const t = useTestApp();
const origin = () => t.config.web.origin;

const get = (path: string, s?: WebSession) => {
  const r = request(t.app).get(path);
  return s ? r.set('Cookie', s.cookie) : r;
};
const post = (path: string, s: WebSession, form: Record<string, string>, from = origin()) =>
  request(t.app).post(path).set('Cookie', s.cookie).set('Origin', from).type('form').send(form);

describe('the staff web application: sign-in and pages', () => {
  it('sends a visitor without a session to the sign-in page', async () => {
    const res = await get('/');
    assert.equal(res.status, 303, 'the start page needs a session');
    assert.equal(res.headers.location, '/inloggen', 'it redirects to the sign-in page');
  });

  it('serves the sign-in page in Dutch under the strict CSP, with no inline script', async () => {
    const res = await get('/inloggen');
    assert.equal(res.status, 200, 'the sign-in page is public');
    assert.equal(res.headers['content-security-policy'], WEB_CSP, 'the page has the strict CSP');
    assert.match(res.text, /<html lang="nl">/, 'the page says it is Dutch');
    assert.doesNotMatch(res.text, /<script(?![^>]*\ssrc=)[^>]*>/, 'every script is a file');
  });

  it('serves the accessibility statement and the NL Design System CSS without a session', async () => {
    assert.equal((await get('/toegankelijkheidsverklaring')).status, 200, 'the statement is public');
    const css = await get('/assets/utrecht/index.css');
    assert.equal(css.status, 200, 'the component CSS is served by the gateway itself');
    assert.match(css.headers['content-type'] ?? '', /text\/css/, 'as CSS');
  });

  it('shows a privacy officer the log search, and refuses it to a procesregisseur', async () => {
    const officer = await webSessionFor(t, 'zvh-demo', 'privacy-officer');
    const regisseur = await webSessionFor(t, 'zvh-demo', 'procesregisseur');
    assert.equal((await get('/logboek', officer)).status, 200, 'the officer may search');
    assert.equal((await get('/logboek', regisseur)).status, 403, 'the regisseur may not');
  });

  it('refuses a form without the CSRF token, with a wrong one, or from another origin', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'privacy-officer');
    assert.equal((await post('/logboek', s, { partner: 'x' })).status, 403, 'no token is refused');
    assert.equal((await post('/logboek', s, { _csrf: 'fout', partner: 'x' })).status, 403, 'a wrong token');
    const cross = await post('/logboek', s, { _csrf: s.csrf, partner: 'x' }, 'https://evil.example');
    assert.equal(cross.status, 403, 'another origin is refused even with the token');
    assert.equal((await post('/logboek', s, { _csrf: s.csrf, partner: 'x' })).status, 200, 'the real form works');
  });

  it('finds an entry by partner, and shows it with the server-checked proof and data for the browser check', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'privacy-officer');
    const index = await appendDisclosure(t, { ontvanger: 'politie-demo', bronnen: ['gemeente-demo'], marker: 'ZOEK1' });
    const found = await post('/logboek', s, { _csrf: s.csrf, partner: 'politie-demo' });
    assert.match(found.text, new RegExp(`href="/logboek/${index}"`), 'the entry is listed with a link');
    const page = await get(`/logboek/${index}`, s);
    assert.equal(page.status, 200, 'the entry opens');
    assert.match(page.text, /convenant-ZOEK1/, 'the covenant version is shown');
    assert.match(page.text, /regel-ZOEK1/, 'the rule that decided is shown');
    assert.match(
      page.text,
      /De server heeft het bewijs gecontroleerd/,
      'the server-side verdict is there without script',
    );
    assert.match(page.text, /data-note="/, 'the signed checkpoint is on the page for the browser');
  });

  it('shows a partner officer nothing of disclosures between other partners', async () => {
    const woco = await webSessionFor(t, 'woningcorporatie-demo', 'privacy-officer');
    const index = await appendDisclosure(t, { ontvanger: 'politie-demo', bronnen: ['ggz-demo'], marker: 'GEHEIM7' });
    const page = await get(`/logboek/${index}`, woco);
    assert.equal(page.status, 404, 'the entry does not exist for this officer');
    assert.doesNotMatch(page.text, /GEHEIM7/, 'no marker of it appears');
    const found = await post('/logboek', woco, { _csrf: woco.csrf, partner: 'politie-demo' });
    assert.doesNotMatch(found.text, /GEHEIM7|logboek\/\d/, 'the search finds nothing of it');
  });

  it('refuses a revoked session, and signing out everywhere ends every session of the employee', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'privacy-officer');
    assert.equal((await get('/', s)).status, 200, 'the session works');
    const out = await post('/overal-uitloggen', s, { _csrf: s.csrf });
    assert.equal(out.status, 303, 'sign-out redirects');
    assert.match(String(out.headers['set-cookie']), /Max-Age=0/, 'the cookie is cleared');
    assert.equal((await get('/', s)).status, 303, 'the ended session no longer opens pages');
  });

  it('ends a session that was idle too long', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'privacy-officer');
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() + t.config.web.sessionIdleMs + 1000));
    try {
      assert.equal((await get('/', s)).status, 303, 'an idle session is over');
    } finally {
      t.clock.set(now);
    }
  });

  it('lets a ZVH beheerder suspend a partner only with a reason', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'beheerder');
    assert.equal((await get('/beheer/partners/ggz-demo', s)).status, 200, 'the partner page opens');
    const without = await post('/beheer/partners/ggz-demo/status', s, { _csrf: s.csrf, status: 'geschorst' });
    assert.equal(without.status, 400, 'no reason, no change');
    assert.equal((await t.db.store.partners.findById('ggz-demo'))!.status, 'actief', 'the partner is still active');
    const withReason = await post('/beheer/partners/ggz-demo/status', s, {
      _csrf: s.csrf,
      status: 'geschorst',
      reden: 'Certificaat gelekt, melding 2026-12',
    });
    assert.equal(withReason.status, 303, 'the change is made');
    assert.equal((await t.db.store.partners.findById('ggz-demo'))!.status, 'geschorst', 'the partner is suspended');
    await t.db.store.partners.setStatus('ggz-demo', 'actief');
  });

  it('gives the ZVH-only roles to no employee of another partner', async () => {
    await assert.rejects(
      webSessionFor(t, 'woningcorporatie-demo', 'beheerder'),
      (e: Error) => /alleen voor medewerkers van het Zorg- en Veiligheidshuis/.test(e.message),
      'a woningcorporatie cannot have a beheerder',
    );
  });

  it('simulates the covenant as a form: what a woningcorporatie sees for casusoverleg, and why', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'beheerder');
    const res = await get('/convenant/simuleren?soort=woningcorporatie&doel=casusoverleg', s);
    assert.equal(res.status, 200, 'the simulation opens');
    assert.match(res.text, /Wat ziet een woningcorporatie voor casusoverleg\?/, 'it answers the question asked');
    assert.match(res.text, /<td class="utrecht-table__cell">bsn<\/td>/, 'category by category');
  });
});
