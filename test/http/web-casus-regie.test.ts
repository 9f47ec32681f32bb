import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor, type WebSession } from '../support/web-session.js';

const t = useTestApp();
let casusId = '';
let regisseur: WebSession;

const get = (s: WebSession | null, path: string) => {
  const r = request(t.app).get(`/mijn-casussen/${casusId}${path}`);
  return s ? r.set('Cookie', s.cookie) : r;
};
/** The log entries written while `act` ran, as the actor ids of their recipients. */
const actorsDuring = async (act: () => Promise<unknown>) => {
  const from = await t.ledger.size();
  await act();
  const entries = await t.ledger.entries(from, await t.ledger.size());
  return entries.map((e) => JSON.parse(e.body).ontvanger.actor.id as string);
};

describe('the regisseur’s casus pages: triage, plan and information per leefgebied', () => {
  /**
   * A referral by the police with police information (a marker the woningcorporatie may never see), a
   * housing item, a triage decision in two versions, and an overdue and a future intervention of the
   * woningcorporatie with a progress report.
   */
  before(async () => {
    const politie = await t.tokenHeaders('politie-demo', 'medewerker');
    const regie = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    const woning = await t.tokenHeaders('woningcorporatie-demo', 'medewerker');
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Overlast',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'p', voornamen: 'REGIENAAM', achternaam: 'Plan', geboortedatum: '1970-07-07' }],
      });
    assert.equal(a.status, 201, a.text);
    casusId = a.body.casus;
    const betrokkene = a.body.betrokkenen[0].betrokkene;
    await request(t.app)
      .post(`/api/v1/casussen/${casusId}/deelnemers`)
      .set(regie)
      .send({ partner: 'woningcorporatie-demo' })
      .expect(201);
    const info = await request(t.app)
      .post(`/api/v1/casussen/${casusId}/informatie`)
      .set(politie)
      .send({
        doel: 'triage',
        items: [
          {
            categorie: 'politiegegevens',
            betrokkene,
            inhoud: 'POLITIEMK-aanhouding',
            grondslag: 'wpg-art-20',
            leefgebied: 'relaties-partner-gezin-familie',
          },
          {
            categorie: 'wonen',
            betrokkene,
            inhoud: 'WONENMK-huurachterstand',
            grondslag: 'avg-6-1-e-gemeente',
            leefgebied: 'huisvesting-en-wonen',
          },
        ],
      });
    assert.equal(info.status, 201, info.text);
    for (const motivering of ['TRIAGEMK-eerste', 'TRIAGEMK-tweede'])
      await request(t.app)
        .post(`/api/v1/casussen/${casusId}/triagebesluit`)
        .set(regie)
        .send({ uitkomst: 'procesregie', motivering })
        .expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casusId}/overgangen`)
      .set(regie)
      .send({ naar: 'casusoverleg', reden: 'x' })
      .expect(201);
    const interventie = async (titel: string, deadline: string) =>
      (
        await request(t.app)
          .post(`/api/v1/casussen/${casusId}/interventies`)
          .set(regie)
          .send({ eigenaar: 'woningcorporatie-demo', leefgebied: 'huisvesting-en-wonen', titel, deadline })
          .expect(201)
      ).body.id as string;
    await interventie('LATERMK-schuldhulp', '2099-06-01T00:00:00Z');
    const vroeg = await interventie('VROEGMK-betalingsregeling', '2000-01-01T00:00:00Z');
    await request(t.app)
      .post(`/api/v1/casussen/${casusId}/interventies/${vroeg}/voortgang`)
      .set(woning)
      .send({ status: 'lopend', toelichting: 'VOORTGANGMK' })
      .expect(201);
    for (const [datum, notulen] of [
      ['2001-01-01T10:00:00Z', 'VORIGOVERLEGMK'],
      ['2031-01-01T10:00:00Z', 'LATEROVERLEGMK'],
      ['2030-05-01T13:00:00Z', 'NOTULENMK'],
    ] as const) {
      const o = await request(t.app)
        .post('/api/v1/casusoverleggen')
        .set(regie)
        .send({ datum, locatie: 'Zaal 2' })
        .expect(201);
      const punt = await request(t.app)
        .post(`/api/v1/casusoverleggen/${o.body.id}/agendapunten`)
        .set(regie)
        .send({ casus: casusId, genodigden: ['politie-demo'] })
        .expect(201);
      await request(t.app)
        .post(`/api/v1/casusoverleggen/${o.body.id}/agendapunten/${punt.body.id}/notulen`)
        .set(regie)
        .send({ notulen, afspraken: [] })
        .expect(201);
    }
    regisseur = await webSessionFor(t, 'zvh-demo', 'procesregisseur');
  });

  it('links the four pages from the casus overview', async () => {
    const res = await get(regisseur, '?doel=procesregie');
    assert.equal(res.status, 200, res.text.slice(0, 300));
    for (const p of ['triage', 'plan', 'informatie', 'overleg'])
      assert.match(res.text, new RegExp(`href="/mijn-casussen/${casusId}/${p}`), `the ${p} page is linked`);
  });

  it('shows the triage proposal with its reasons and every version of the decision, newest first', async () => {
    const res = await get(regisseur, '/triage');
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /Criteria en redenen/, 'the criteria are shown');
    assert.match(res.text, /TRIAGEMK-tweede[\s\S]*TRIAGEMK-eerste/, 'both motivations, newest first');
    assert.match(res.text, /2 \(geldend\)/, 'the current version is marked');
    assert.match(res.text, /zvh-demo\//, 'who decided');
    assert.match(res.text, /\d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}/, 'when, as a Dutch date');
  });

  it('shows the plan by due date with owner, status and progress, the overdue one marked, and logs the view', async () => {
    let text = '';
    const actors = await actorsDuring(async () => {
      const res = await get(regisseur, '/plan?doel=procesregie');
      assert.equal(res.status, 200, res.text.slice(0, 300));
      text = res.text;
    });
    assert.ok(actors.includes(regisseur.medewerkerId), `logged with the employee as actor: ${actors}`);
    assert.match(text, /VROEGMK[\s\S]*LATERMK/, 'the earliest deadline first');
    assert.match(text, /VROEGMK-betalingsregeling[^<]*<strong[^>]*> \(te laat\)/, 'the overdue one is marked');
    assert.doesNotMatch(text, /LATERMK-schuldhulp[^<]*<strong/, 'the future one is not');
    assert.match(text, /woningcorporatie-demo/, 'the owner is shown');
    assert.match(text, /lopend/, 'the progress status is shown');
  });

  it('asks for the purpose before it shows the plan or the information', async () => {
    for (const p of ['/plan', '/informatie']) {
      const res = await get(regisseur, p);
      assert.equal(res.status, 200, `${p} opens its purpose form`);
      assert.match(res.text, /name="doel"/, `${p} asks the purpose`);
      assert.doesNotMatch(res.text, /MK-/, `${p} shows nothing before a purpose is chosen`);
    }
  });

  it('shows the regisseur the information grouped per leefgebied, and logs the view', async () => {
    let text = '';
    const actors = await actorsDuring(async () => {
      const res = await get(regisseur, '/informatie?doel=procesregie');
      assert.equal(res.status, 200, res.text.slice(0, 300));
      text = res.text;
    });
    assert.ok(actors.includes(regisseur.medewerkerId), `logged with the employee as actor: ${actors}`);
    assert.match(text, /Huisvesting en wonen<\/h2>[\s\S]*WONENMK/, 'the housing item under its leefgebied');
    assert.match(text, /Relaties partner gezin familie<\/h2>[\s\S]*POLITIEMK/, 'the police item under its own');
  });

  it('never shows the woningcorporatie the police information its covenant forbids', async () => {
    const keten = await webSessionFor(t, 'woningcorporatie-demo', 'ketenmanager');
    for (const p of ['/informatie?doel=procesregie', '/plan?doel=procesregie', '?doel=procesregie']) {
      const res = await get(keten, p);
      assert.equal(res.status, 200, `${p} opens for a participant`);
      assert.doesNotMatch(res.text, /POLITIEMK|TRIAGEMK/, `${p} leaks no police information or motivation`);
    }
    const triage = await get(keten, '/triage');
    assert.equal(triage.status, 403, 'the triage is the ZVH’s');
    assert.doesNotMatch(triage.text, /TRIAGEMK|POLITIEMK/, 'and shows nothing of it');
  });

  it('shows the agenda of the next casusoverleg the casus is on, not a past or a later one', async () => {
    const res = await get(regisseur, '/overleg');
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /1 mei 2030 om 15:00/, 'the next meeting, in Dutch and Amsterdam time');
    assert.match(res.text, /\(deze casus\)/, 'this casus is marked on the agenda');
    assert.match(res.text, /NOTULENMK/, 'the ZVH reads its minutes');
    assert.doesNotMatch(res.text, /LATEROVERLEGMK/, 'not the later meeting');
    assert.doesNotMatch(res.text, /VORIGOVERLEGMK/, 'nor one that has passed');
  });

  it('does not tell the woningcorporatie of a meeting it is not invited to', async () => {
    const keten = await webSessionFor(t, 'woningcorporatie-demo', 'ketenmanager');
    const res = await get(keten, '/overleg');
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /niet op de agenda/, 'as if none were planned');
    assert.doesNotMatch(res.text, /NOTULENMK|2030/, 'no minutes, no date');
  });

  it('answers a partner that does not take part as if the casus did not exist', async () => {
    const rvdk = await webSessionFor(t, 'rvdk-demo', 'ketenmanager');
    for (const p of ['/plan?doel=procesregie', '/informatie?doel=procesregie', '/overleg']) {
      const res = await get(rvdk, p);
      assert.equal(res.status, 404, `${p}: not taking part looks like not existing`);
      assert.doesNotMatch(res.text, /MK-|VOORTGANGMK|NOTULENMK/, `${p}: no marker leaks`);
    }
  });

  it('refuses another role and sends a visitor without a session to sign in', async () => {
    const beleid = await webSessionFor(t, 'zvh-demo', 'beleidsmedewerker');
    for (const p of ['/triage', '/plan?doel=procesregie', '/informatie?doel=procesregie', '/overleg']) {
      const res = await get(beleid, p);
      assert.equal(res.status, 403, `${p}: another role is refused`);
      assert.doesNotMatch(res.text, /MK-/, `${p}: refused without data`);
      const anonymous = await get(null, p);
      assert.equal(anonymous.status, 303, `${p}: no session`);
      assert.equal(anonymous.headers.location, '/inloggen', `${p}: to the sign-in page`);
    }
  });
});
