import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor, type WebSession } from '../support/web-session.js';

const t = useTestApp();
const origin = () => t.config.web.origin;
let casusId = '';
let regisseur: WebSession;

const post = (s: WebSession, form: Record<string, string>, from = origin()) =>
  request(t.app)
    .post(`/mijn-casussen/${casusId}/levensloop`)
    .set('Cookie', s.cookie)
    .set('Origin', from)
    .type('form')
    .send(form);

describe('the lifecycle of a casus in the web application', () => {
  before(async () => {
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(await t.tokenHeaders('politie-demo', 'medewerker'))
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'LEVENSLOOP-MARKER',
        leefgebieden: [],
        betrokkenen: [{ ref: 'p', voornamen: 'LEVENSLOOP-NAAM', achternaam: 'Stap', geboortedatum: '1980-01-01' }],
      });
    assert.equal(a.status, 201, a.text);
    casusId = a.body.casus;
    regisseur = await webSessionFor(t, 'zvh-demo', 'procesregisseur');
  });

  it('shows the status and offers the allowed next steps, without personal data', async () => {
    const res = await request(t.app).get(`/mijn-casussen/${casusId}/levensloop`).set('Cookie', regisseur.cookie);
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /<option value="triage">/, 'triage is an allowed step');
    assert.doesNotMatch(res.text, /LEVENSLOOP-NAAM|LEVENSLOOP-MARKER/, 'no name or reason of the referral');
  });

  it('takes a step with a reason and shows it in the history', async () => {
    const res = await post(regisseur, { _csrf: regisseur.csrf, naar: 'triage', reden: 'Start triage' });
    assert.equal(res.status, 303, res.text.slice(0, 300));
    const page = await request(t.app).get(`/mijn-casussen/${casusId}/levensloop`).set('Cookie', regisseur.cookie);
    assert.match(page.text, /naar triage\. Reden: Start triage/, 'the step and its reason are in the history');
  });

  it('asks for a reason, and explains a step the status does not allow', async () => {
    const without = await post(regisseur, { _csrf: regisseur.csrf, naar: 'monitoring' });
    assert.equal(without.status, 400, 'a missing reason is a form error');
    assert.match(without.text, /href="#reden"/, 'linked to the reason field');
    const wrong = await post(regisseur, { _csrf: regisseur.csrf, naar: 'monitoring', reden: 'x' });
    assert.equal(wrong.status, 409, 'a step outside the table is a conflict');
    assert.match(wrong.text, /href="#naar"/, 'explained at the step field');
  });

  it('refuses a step without the CSRF token or from another origin', async () => {
    assert.equal((await post(regisseur, { naar: 'afgesloten', reden: 'x' })).status, 403, 'no token');
    const cross = await post(
      regisseur,
      { _csrf: regisseur.csrf, naar: 'afgesloten', reden: 'x' },
      'https://evil.example',
    );
    assert.equal(cross.status, 403, 'another origin');
  });

  it('refuses a ketenmanager and sends a visitor without a session to sign in', async () => {
    const keten = await webSessionFor(t, 'woningcorporatie-demo', 'ketenmanager');
    const res = await request(t.app).get(`/mijn-casussen/${casusId}/levensloop`).set('Cookie', keten.cookie);
    assert.equal(res.status, 403, 'another role');
    const anonymous = await request(t.app).get(`/mijn-casussen/${casusId}/levensloop`);
    assert.equal(anonymous.status, 303, 'no session');
    assert.equal(anonymous.headers.location, '/inloggen');
  });
});
