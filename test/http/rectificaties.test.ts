import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { compactVerify, createLocalJWKSet } from 'jose';
import request from 'supertest';
import { loadGatewayKeys, type GatewayKeys } from '../../adapters/crypto/gateway-keys.js';
import { keyPaths } from '../../gateway/bootstrap/key-paths.js';
import type { Melding } from '../../gateway/meldingen/meldingen.js';
import { betwistItem } from '../../gateway/rechten/uitvoering/betwist-item.js';
import { informeerOntvangers } from '../../gateway/rechten/uitvoering/informeer-ontvangers.js';
import { rectificatieUitkomsten } from '../../gateway/rechten/uitvoering/rectificatie-uitkomsten.js';
import { useCaseDeps, type UseCaseDeps } from '../../gateway/use-case-deps.js';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Rectification is answered by the source partner through the API; recipients the log names get a
 * signed notice (AVG art. 19), each partner only its own.
 */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
const meldingen: Melding[] = [];
let deps: UseCaseDeps & { keys: GatewayKeys; ledger: typeof t.ledger };
let seq = 700;

async function disputed(inhoud = 'Huurachterstand 4 maanden MARKER-OUD') {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(as.politie!)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn: testBsn(seq++), achternaam: 'R', geboortedatum: '1990-01-01' }],
    })
    .expect(201);
  const casus = a.body.casus as string;
  const persoon = a.body.betrokkenen[0].betrokkene as string;
  for (const partner of ['gemeente-demo', 'ggz-demo'])
    await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner }).expect(201);
  await request(t.app)
    .post(`/api/v1/casussen/${casus}/triagebesluit`)
    .set(as.regie!)
    .send({ uitkomst: 'procesregie', motivering: 'meerdere ketens' })
    .expect(201);
  const item = await request(t.app)
    .post(`/api/v1/casussen/${casus}/informatie`)
    .set(as.gemeente!)
    .send({
      doel: 'casusoverleg',
      items: [{ categorie: 'wonen', betrokkene: persoon, inhoud, grondslag: 'avg-6-1-e-gemeente' }],
    })
    .expect(201);
  const itemId = item.body.items[0].id as string;
  // GGZ receives the item before the dispute: the log shows it.
  await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!).expect(200);
  const r = await betwistItem(deps, {
    verzoekId: `verzoek-${seq}`,
    itemId,
    gewenst: { inhoud: 'Geen huurachterstand MARKER-NIEUW' },
    door: 'fg-zvh',
  });
  return { casus, itemId, ...r };
}

const informatie = (casus: string) =>
  request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as.ggz!).expect(200);

describe('rectificaties and kennisgevingen', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
      ['gemeenteFg', 'gemeente-demo', 'privacy-officer'],
      ['ggz', 'ggz-demo', 'medewerker'],
      ['ggzFg', 'ggz-demo', 'privacy-officer'],
      ['politieFg', 'politie-demo', 'privacy-officer'],
      ['regie', 'zvh-demo', 'procesregisseur'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
    const keys = await loadGatewayKeys(keyPaths(t.dataDir).gatewaySigning, new Date());
    deps = {
      ...useCaseDeps({
        store: t.db.store,
        dp: t.dataProtection,
        covenants: t.covenants,
        clock: t.clock,
        ledger: t.ledger,
        meldingen: { plaats: async (m) => void meldingen.push(m) },
      }),
      keys,
      ledger: t.ledger,
    };
  });

  it('a disputed item is withheld, and its source partner sees the wish and a notice', async () => {
    const { casus, itemId, rectificatieId } = await disputed();
    assert.ok(!(await informatie(casus)).text.includes('MARKER-OUD'), 'withheld while disputed');
    const res = await request(t.app).get('/api/v1/rectificaties').set(as.gemeenteFg!);
    assert.equal(res.status, 200, res.text);
    const mine = res.body.rectificaties.find((r: { id: string }) => r.id === rectificatieId);
    assert.deepEqual(mine.gewenst, { inhoud: 'Geen huurachterstand MARKER-NIEUW' });
    assert.equal(mine.item, itemId);
    assert.ok(res.headers.ontvangstbewijs, 'handing over the wish is logged');
    assert.ok(
      meldingen.some((m) => m.partnerId === 'gemeente-demo' && m.soort === 'kennisgeving'),
      'the source partner gets a webhook',
    );
    assert.ok(!JSON.stringify(meldingen).includes('MARKER'), 'webhooks carry ids only');
  });

  it('accepted: the item gets the corrected content and is no longer withheld', async () => {
    const { casus, rectificatieId } = await disputed();
    const res = await request(t.app)
      .post(`/api/v1/rectificaties/${rectificatieId}/antwoord`)
      .set(as.gemeenteFg!)
      .send({ besluit: 'aanvaard', gecorrigeerd: { inhoud: 'Geen huurachterstand MARKER-NIEUW' } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'aanvaard');
    const verzoekId = (await t.db.store.db.rectificatie.findUnique({ where: { id: rectificatieId } }))!.verzoekId;
    const [uitkomst] = await rectificatieUitkomsten(deps, verzoekId);
    assert.deepEqual(
      [uitkomst!.id, uitkomst!.status, uitkomst!.bronPartner],
      [rectificatieId, 'aanvaard', 'gemeente-demo'],
    );
    const after = await informatie(casus);
    assert.match(after.text, /MARKER-NIEUW/);
    assert.ok(!after.text.includes('MARKER-OUD'));
    assertProblem(
      await request(t.app)
        .post(`/api/v1/rectificaties/${rectificatieId}/antwoord`)
        .set(as.gemeenteFg!)
        .send({ besluit: 'afgewezen', motivering: 'toch niet' }),
      409,
      'conflict',
    );
  });

  it('rejected: the reasons are recorded and the item is shown as it was', async () => {
    const { casus, rectificatieId } = await disputed();
    const res = await request(t.app)
      .post(`/api/v1/rectificaties/${rectificatieId}/antwoord`)
      .set(as.gemeenteFg!)
      .send({ besluit: 'afgewezen', motivering: 'Achterstand is vastgesteld' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'afgewezen');
    assert.match((await informatie(casus)).text, /MARKER-OUD/);
    const stored = await t.db.store.db.rectificatie.findUnique({ where: { id: rectificatieId } });
    assert.ok(stored!.motivering && !stored!.motivering.includes('vastgesteld'), 'reasons kept, sealed');
  });

  it('answers 400 for a bad body, 404 for another partner, 401 without a token and 403 for the wrong role', async () => {
    const { rectificatieId } = await disputed();
    const url = `/api/v1/rectificaties/${rectificatieId}/antwoord`;
    assertProblem(
      await request(t.app).post(url).set(as.gemeenteFg!).send({ besluit: 'aanvaard' }),
      400,
      'invalid-request',
    );
    const other = await request(t.app).post(url).set(as.politieFg!).send({ besluit: 'afgewezen', motivering: 'x' });
    assertProblem(other, 404, 'not-found');
    const list = await request(t.app).get('/api/v1/rectificaties').set(as.politieFg!).expect(200);
    assert.ok(!list.text.includes(rectificatieId), 'another partner does not see it');
    assert.equal((await request(t.app).get('/api/v1/rectificaties')).status, 401);
    assertProblem(await request(t.app).get('/api/v1/rectificaties').set(as.gemeente!), 403, 'forbidden');
    assertProblem(
      await request(t.app).post(url).set(as.gemeente!).send({ besluit: 'afgewezen', motivering: 'x' }),
      403,
      'forbidden',
    );
  });

  it('informeerOntvangers tells exactly the partners the log shows received the item, with a verifiable JWS', async () => {
    const { itemId, rectificatieId } = await disputed();
    await request(t.app)
      .post(`/api/v1/rectificaties/${rectificatieId}/antwoord`)
      .set(as.gemeenteFg!)
      .send({ besluit: 'aanvaard', gecorrigeerd: { inhoud: 'MARKER-NIEUW' } })
      .expect(200);
    const told = await informeerOntvangers(deps, {
      verzoekId: 'verzoek-art19',
      itemIds: [itemId],
      soort: 'rectificatie',
    });
    assert.deepEqual(told, ['ggz-demo'], 'only GGZ received the item (the police never did)');
    const list = await request(t.app).get('/api/v1/kennisgevingen').set(as.ggzFg!).expect(200);
    const k = list.body.kennisgevingen.find((x: { verzoekId: string }) => x.verzoekId === 'verzoek-art19');
    assert.deepEqual(k.items, [itemId]);
    const jwks = (await request(t.app).get('/api/v1/jwks.json').expect(200)).body;
    const { payload } = await compactVerify(k.jws, createLocalJWKSet(jwks));
    const claims = JSON.parse(new TextDecoder().decode(payload));
    assert.deepEqual([claims.partner, claims.soort, claims.items], ['ggz-demo', 'rectificatie', [itemId]]);
    const politie = await request(t.app).get('/api/v1/kennisgevingen').set(as.politieFg!).expect(200);
    assert.ok(!politie.text.includes('verzoek-art19'), 'a partner sees only its own');
    assertProblem(
      await request(t.app).post(`/api/v1/kennisgevingen/${k.id}/ontvangst`).set(as.politieFg!),
      404,
      'not-found',
    );
    const ack = await request(t.app).post(`/api/v1/kennisgevingen/${k.id}/ontvangst`).set(as.ggzFg!);
    assert.equal(ack.status, 200, ack.text);
    assert.ok(ack.body.ontvangenOp);
    assert.equal((await request(t.app).get('/api/v1/kennisgevingen')).status, 401);
    assertProblem(await request(t.app).get('/api/v1/kennisgevingen').set(as.ggz!), 403, 'forbidden');
  });
});
