import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { verifyInclusion } from '../../adapters/ledger/merkle.js';
import { noteVerifier } from '../../adapters/ledger/signed-note.js';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { rawBody } from '../support/raw-body.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Issue 6's acceptance story: a casus with police, municipality and mental-health care taking part;
 * each reads for casusoverleg and sees exactly what the covenant allows; every disclosure and refusal
 * is in the ledger; receipts verify against a signed checkpoint; altering one stored entry is caught
 * by `knooppunt ledger verify`, which names it.
 */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
let casus: string;
let persoon: string;

const pull = (who: string, path: string, doel = 'casusoverleg') =>
  request(t.app).get(`/api/v1/casussen/${casus}${path}?doel=${doel}`).set(as[who]!);
/** What the log entry of an answer says was left out (the answer itself does not say). */
const withheld = async (res: request.Response) => {
  const { index } = receiptOf(res);
  const [entry] = await t.ledger.entries(index, index + 1);
  return (JSON.parse(entry!.body).details.weggelaten as string[]).sort();
};

describe('disclosure to three partners, logged before it leaves', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
      ['ggz', 'ggz-demo', 'medewerker'],
      ['om', 'om-demo', 'medewerker'],
      ['regie', 'zvh-demo', 'procesregisseur'],
      ['fg', 'politie-demo', 'privacy-officer'],
      ['zvhFg', 'zvh-demo', 'privacy-officer'],
    ] as const) {
      as[k] = await t.tokenHeaders(p, rol);
    }
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie!)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Dreiging en verward gedrag',
        leefgebieden: ['huisvesting-en-wonen', 'emotioneel-welzijn'],
        signalen: ['geweld'],
        betrokkenen: [
          {
            ref: 'p',
            bsn: testBsn(31),
            voornamen: 'Joost',
            achternaam: 'Bakker',
            geboortedatum: '1979-09-09',
            postcode: '5912 CD',
          },
        ],
      });
    casus = a.body.casus;
    persoon = a.body.betrokkenen[0].betrokkene;
    for (const partner of ['gemeente-demo', 'ggz-demo'])
      await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner }).expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/triagebesluit`)
      .set(as.regie!)
      .send({ uitkomst: 'procesregie', motivering: 'meerdere ketens' })
      .expect(201);
    const add = (who: string, categorie: string, grondslag: string, inhoud: string) =>
      request(t.app)
        .post(`/api/v1/casussen/${casus}/informatie`)
        .set(as[who]!)
        .send({ doel: 'casusoverleg', items: [{ categorie, betrokkene: persoon, inhoud, grondslag }] })
        .expect(201);
    await add('politie', 'politiegegevens', 'wpg-art-20', 'Bedreiging buurman, aangifte 12 okt');
    await add('ggz', 'psychische-gezondheid', 'uavg-art-30-zorg', 'Psychose, opname 2025');
    await add('gemeente', 'wonen', 'avg-6-1-e-gemeente', 'Huurachterstand 4 maanden');
  });

  it('the municipality sees housing, only a masked summary of police data, and no health data', async () => {
    const res = await pull('gemeente', '/informatie');
    assert.equal(res.status, 200, res.text);
    const byCat = Object.fromEntries(res.body.items.map((i: { categorie: string }) => [i.categorie, i]));
    assert.equal(byCat.wonen.inhoud, 'Huurachterstand 4 maanden');
    assert.equal(byCat.politiegegevens.inhoud, undefined);
    assert.deepEqual(byCat.politiegegevens.gemaskeerd, ['inhoud']);
    assert.equal(byCat['psychische-gezondheid'], undefined);
    assert.equal(res.body.weggelaten, undefined, 'the example covenant says nothing about what was left out');
    assert.doesNotMatch(res.text, /ggz-demo|psychische/);
    assert.deepEqual(await withheld(res), ['ggz-demo:psychische-gezondheid'], 'the log keeps it');
    assert.doesNotMatch(res.text, /Psychose|aangifte/);
  });

  it('mental-health care sees health data and housing, not police data', async () => {
    const res = await pull('ggz', '/informatie');
    assert.deepEqual(res.body.items.map((i: { categorie: string }) => i.categorie).sort(), [
      'psychische-gezondheid',
      'wonen',
    ]);
    assert.match(res.text, /Psychose, opname 2025/);
    assert.deepEqual(await withheld(res), ['politie-demo:politiegegevens']);
  });

  it('the police see housing, but health data only in code rood', async () => {
    const res = await pull('politie', '/informatie');
    assert.ok(
      res.body.items.some((i: { categorie: string }) => i.categorie === 'wonen'),
      'the answer includes an item of category wonen',
    );
    assert.ok(
      (await withheld(res)).includes('ggz-demo:psychische-gezondheid'),
      'the log names ggz-demo:psychische-gezondheid as withheld',
    );
  });

  it('persons come with name and birth date; the BSN only to those the covenant allows', async () => {
    const gemeente = await pull('gemeente', '/betrokkenen');
    assert.equal(gemeente.body.betrokkenen[0].achternaam, 'Bakker');
    assert.equal(gemeente.body.betrokkenen[0].bsn, testBsn(31));
    const casusView = await pull('ggz', '');
    assert.equal(casusView.body.aanmelding.reden, 'Dreiging en verward gedrag');
    assert.equal(casusView.body.triage.uitkomst, 'procesregie');
  });

  it('refuses a prohibited purpose as a whole with a 403 naming the rule, and logs the refusal', async () => {
    const before = await t.ledger.size();
    const res = await pull('gemeente', '/informatie', 'fraudebestrijding');
    assertProblem(res, 403, 'doel-niet-toegestaan');
    assert.match(res.body.detail, /niets-voor-handhaving/);
    assert.equal(res.body.items, undefined);
    const [entry] = await t.ledger.entries(before, before + 1);
    assert.deepEqual(
      [JSON.parse(entry!.body).soort, JSON.parse(entry!.body).details.regel],
      ['weigering', 'niets-voor-handhaving'],
    );
  });

  it('answers an empty list, with a receipt, for a casus without information yet', async () => {
    const a = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.politie!)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Zorgen',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'p', achternaam: 'Leeg', geboortedatum: '1990-01-01' }],
      })
      .expect(201);
    const res = await request(t.app)
      .get(`/api/v1/casussen/${a.body.casus}/informatie?doel=casusoverleg`)
      .set(as.politie!);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.body.items, res.body.weggelaten], [[], undefined]);
    const { index } = receiptOf(res);
    const [entry] = await t.ledger.entries(index, index + 1);
    assert.equal(JSON.parse(entry!.body).casus, a.body.casus);
    assertProblem(
      await request(t.app).get(`/api/v1/casussen/${a.body.casus}/informatie?doel=casusoverleg`).set(as.gemeente!),
      404,
      'not-found',
    );
  });

  it('answers a partner outside the casus with 404, and logs the attempt', async () => {
    const before = await t.ledger.size();
    assertProblem(await pull('om', '/informatie'), 404, 'not-found');
    const [entry] = await t.ledger.entries(before, before + 1);
    assert.deepEqual(
      [JSON.parse(entry!.body).soort, JSON.parse(entry!.body).details.reden],
      ['weigering', 'geen-deelnemer'],
    );
  });

  it('wrote every disclosure and refusal to the log, without plain personal data', async () => {
    const entries = await t.ledger.entries(0, await t.ledger.size());
    const kinds = entries.map((e) => JSON.parse(e.body).soort);
    assert.ok(
      kinds.filter((k) => k === 'verstrekking').length >= 5,
      `at least 5 verstrekkingen logged, got ${kinds.join(', ')}`,
    );
    assert.ok(
      kinds.filter((k) => k === 'weigering').length >= 2,
      `at least 2 weigeringen logged, got ${kinds.join(', ')}`,
    );
    for (const e of entries) assert.doesNotMatch(e.body, new RegExp(`${testBsn(31)}|Bakker|Joost|1979-09-09|Psychose`));
  });

  it('gives receipts whose inclusion proofs verify against a checkpoint signed with the published key', async () => {
    const res = await pull('ggz', '/informatie');
    const { index, leafHash } = receiptOf(res);
    await t.integrity.sign(); // the server's timer does this every few seconds
    const cp = (await request(t.app).get('/api/v1/verstrekkingslog/checkpoint').set(as.ggz!).expect(200)).body;
    const vkey = (await request(t.app).get('/api/v1/verstrekkingslog/publieke-sleutel').expect(200)).body.verifierKey;
    const [origin, size, root] = noteVerifier(vkey).open(cp.signedNote).split('\n');
    assert.equal(origin, t.ledger.origin);
    assert.equal(Number(size), cp.grootte);
    const proof = (
      await request(t.app)
        .get(`/api/v1/verstrekkingslog/inclusiebewijs?index=${index}&grootte=${cp.grootte}`)
        .set(as.ggz!)
        .expect(200)
    ).body;
    assert.equal(proof.leafHash, leafHash);
    assert.ok(
      verifyInclusion(
        index,
        cp.grootte,
        Buffer.from(leafHash, 'hex'),
        proof.bewijs.map((h: string) => Buffer.from(h, 'hex')),
        Buffer.from(root!, 'base64'),
      ),
      'the inclusion proof from the API verifies against the signed checkpoint root',
    );
  });

  it('logs the SHA-256 of exactly the bytes each view sent, so a recipient can check it against the log', async () => {
    for (const view of ['', '/betrokkenen', '/systeem', '/informatie']) {
      const res = await pull('gemeente', view).buffer(true).parse(rawBody);
      assert.equal(res.status, 200, `the gemeente may read casus${view}`);
      const { index } = receiptOf(res);
      const log = await request(t.app)
        .get(`/api/v1/verstrekkingslog/regels?van=${index}&tot=${index + 1}`)
        // The ZVH's own officer: the police officer sees only entries in which the police take part.
        .set(as.zvhFg!)
        .expect(200);
      const received = createHash('sha256').update(res.body).digest('hex');
      assert.equal(
        log.body.regels[0].regel.payloadDigest,
        received,
        `the log entry of casus${view} names the SHA-256 of the body bytes received`,
      );
    }
  });

  it('proves a later checkpoint consistent with an earlier one', async () => {
    await t.integrity.sign();
    const first = (await request(t.app).get('/api/v1/verstrekkingslog/checkpoint').set(as.ggz!)).body;
    await pull('gemeente', '/systeem');
    await t.integrity.sign();
    const second = (await request(t.app).get('/api/v1/verstrekkingslog/checkpoint').set(as.ggz!)).body;
    assert.ok(second.grootte > first.grootte, `the second checkpoint is larger (${first.grootte} → ${second.grootte})`);
    const proof = (
      await request(t.app)
        .get(`/api/v1/verstrekkingslog/consistentiebewijs?van=${first.grootte}&tot=${second.grootte}`)
        .set(as.ggz!)
        .expect(200)
    ).body;
    const { verifyConsistency } = await import('../../adapters/ledger/merkle.js');
    assert.ok(
      verifyConsistency(
        first.grootte,
        second.grootte,
        Buffer.from(first.rootHash, 'hex'),
        Buffer.from(second.rootHash, 'hex'),
        proof.bewijs.map((h: string) => Buffer.from(h, 'hex')),
      ),
      'the consistency proof from the API verifies between the two checkpoints',
    );
    assertProblem(
      await request(t.app)
        .get(`/api/v1/verstrekkingslog/consistentiebewijs?van=${second.grootte + 5}&tot=${second.grootte}`)
        .set(as.ggz!),
      400,
      'invalid-request',
    );
  });

  it('shows entries to privacy officers only', async () => {
    const res = await request(t.app).get('/api/v1/verstrekkingslog/regels?van=0&tot=3').set(as.zvhFg!).expect(200);
    assert.equal(res.body.regels.length, 3);
    const politie = await request(t.app).get('/api/v1/verstrekkingslog/regels?van=0&tot=3').set(as.fg!).expect(200);
    assert.ok(
      politie.body.regels.every(
        (r: { regel: { ontvanger: { partner: string }; bronnen: string[] } }) =>
          r.regel.ontvanger.partner === 'politie-demo' || r.regel.bronnen.includes('politie-demo'),
      ),
      'a partner’s officer sees only its own partner’s entries',
    );
    assertProblem(
      await request(t.app).get('/api/v1/verstrekkingslog/regels?van=0&tot=3').set(as.ggz!),
      403,
      'forbidden',
    );
  });

  it('`knooppunt ledger verify` passes, and after one stored entry is altered fails naming it', async () => {
    const vkey = (await request(t.app).get('/api/v1/verstrekkingslog/publieke-sleutel')).body.verifierKey;
    const env = { DATABASE_URL: t.db.url, KNOOPPUNT_DATA_DIR: t.dataDir };
    const run = async () => {
      const out: string[] = [];
      const code = await runCli(['ledger', 'verify', '--key', vkey], { out: (l) => out.push(l), err: () => {}, env });
      return { code, out: out.join('\n') };
    };
    const ok = await run();
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /in orde/);
    const [target] = await t.ledger.entries(4, 5);
    const altered = target!.body.replace('"casusoverleg"', '"triage"');
    assert.notEqual(altered, target!.body);
    const placeholder = t.db.store.provider === 'sqlite' ? '?' : '$1';
    await t.db.store.db.$executeRawUnsafe(`UPDATE "LedgerEntry" SET "body" = ${placeholder} WHERE "idx" = 4`, altered);
    const bad = await run();
    assert.equal(bad.code, 1);
    assert.match(bad.out, /entry 4: its body does not match its leaf hash/);
  });
});
