import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import request from 'supertest';
import { runCasusSignalen } from '../../gateway/signalen/run-casus-signalen.js';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor } from '../support/web-session.js';

const t = useTestApp();
const DAY = 24 * 60 * 60 * 1000;

const open = async (rol = 'procesregisseur', partner = 'zvh-demo') => {
  const s = await webSessionFor(t, partner, rol);
  return request(t.app).get('/mijn-casussen/signalen').set('Cookie', s.cookie);
};

describe('the signals of my casussen in the web application', () => {
  it('says so when there are no open signals', async () => {
    const res = await open();
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /Er zijn geen open signalen/, 'the empty state');
  });

  it('lists a casus in procesregie that stands still, linked to the casus and without personal data', async () => {
    const politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'SIGNAAL-MARKER-REDEN',
        leefgebieden: [],
        betrokkenen: [{ ref: 'p', voornamen: 'SIGNAAL-MARKER-NAAM', achternaam: 'Stil', geboortedatum: '1980-01-01' }],
      });
    assert.equal(a.status, 201, a.text);
    await request(t.app)
      .post(`/api/v1/casussen/${a.body.casus}/triagebesluit`)
      .set(await t.tokenHeaders('zvh-demo', 'procesregisseur'))
      .send({ uitkomst: 'procesregie', motivering: 'Meerdere leefgebieden' })
      .expect(201);
    t.clock.set(new Date(t.clock.now().getTime() + 60 * DAY));
    await runCasusSignalen({ store: t.db.store, meldingen: { plaats: async () => undefined } }, t.clock.now());
    const res = await open();
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, new RegExp(`href="/mijn-casussen/${a.body.casus}"`), 'the casus is linked');
    assert.match(res.text, /Casus staat stil/, 'the signal is named in Dutch');
    assert.doesNotMatch(res.text, /SIGNAAL-MARKER/, 'no name or reason is shown');
  });

  it('refuses a ketenmanager and a privacy officer, and sends a visitor without a session to sign in', async () => {
    assert.equal((await open('ketenmanager')).status, 403, 'the ketenmanager');
    assert.equal((await open('privacy-officer')).status, 403, 'the privacy officer');
    const anonymous = await request(t.app).get('/mijn-casussen/signalen');
    assert.equal(anonymous.status, 303, 'no session');
    assert.equal(anonymous.headers.location, '/inloggen');
  });
});
