import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor } from '../support/web-session.js';

const t = useTestApp();
const BSN = testBsn(411);
let casusId = '';

const open = async (partnerId: string, rol: string, doel = 'casusoverleg') => {
  const s = await webSessionFor(t, partnerId, rol);
  return { s, res: await request(t.app).get(`/mijn-casussen/${casusId}?doel=${doel}`).set('Cookie', s.cookie) };
};

describe('a casus in the web application', () => {
  /** A household referred by the police, with markers in the names; the woningcorporatie takes part, the RvdK not. */
  before(async () => {
    const politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .send({
        soort: 'systeem',
        gemeente: 'Demostad',
        reden: 'Zorgen om het gezin',
        redenCategorieen: [],
        leefgebieden: ['relaties-partner-gezin-familie'],
        betrokkenen: [
          {
            ref: 'moeder',
            voornamen: 'MOEDERMK1',
            achternaam: 'Jansen',
            geboortedatum: '1980-01-01',
            bsn: BSN,
            rol: 'hoofdpersoon',
          },
          { ref: 'kind', voornamen: 'KINDMK2', achternaam: 'Jansen', geboortedatum: '2015-02-02', rol: 'systeemlid' },
        ],
        relaties: [{ van: 'moeder', naar: 'kind', soort: 'ouder' }],
      });
    assert.equal(res.status, 201, `the referral is accepted: ${res.text}`);
    casusId = res.body.casus;
    const regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    const r = await request(t.app)
      .post(`/api/v1/casussen/${casusId}/deelnemers`)
      .set(regisseur)
      .send({ partner: 'woningcorporatie-demo' });
    assert.equal(r.status, 201, `the woningcorporatie takes part: ${r.text}`);
  });

  it('asks for the purpose before it shows anything', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'procesregisseur');
    const res = await request(t.app).get(`/mijn-casussen/${casusId}`).set('Cookie', s.cookie);
    assert.equal(res.status, 200, 'the purpose form opens');
    assert.doesNotMatch(res.text, /MOEDERMK1/, 'no personal data before a purpose is chosen');
  });

  it('shows the regisseur the persons and the family diagram, logged with the employee as actor', async () => {
    const before = await t.ledger.size();
    const { s, res } = await open('zvh-demo', 'procesregisseur');
    assert.equal(res.status, 200, res.text.slice(0, 500));
    assert.match(res.text, /MOEDERMK1/, 'the mother is shown');
    assert.match(res.text, /<svg[^>]*role="img"/, 'the diagram is an SVG image');
    assert.match(res.text, /MOEDERMK1 Jansen is ouder van KINDMK2 Jansen/, 'with its text alternative');
    const entries = await t.ledger.entries(before, await t.ledger.size());
    const actors = entries.map((e) => JSON.parse(e.body).ontvanger.actor.id);
    assert.ok(actors.includes(s.medewerkerId), `the page view is logged with the employee as actor: ${actors}`);
  });

  it('never shows the woningcorporatie the BSN its covenant withholds', async () => {
    const { res } = await open('woningcorporatie-demo', 'ketenmanager');
    assert.equal(res.status, 200, res.text.slice(0, 500));
    assert.doesNotMatch(res.text, new RegExp(BSN), 'the BSN is not in the HTML');
  });

  it('answers a partner that does not take part as if the casus did not exist', async () => {
    const { res } = await open('rvdk-demo', 'ketenmanager');
    assert.equal(res.status, 404, 'not taking part looks like not existing');
    assert.doesNotMatch(res.text, /MOEDERMK1|KINDMK2/, 'no marker leaks');
  });

  it('lists the casus for the regisseur', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'procesregisseur');
    const res = await request(t.app).get('/mijn-casussen').set('Cookie', s.cookie);
    assert.equal(res.status, 200, 'the list opens');
    assert.match(res.text, new RegExp(`/mijn-casussen/${casusId}`), 'the casus is listed');
  });
});
