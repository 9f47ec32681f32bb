import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { CLIENT_ASSERTION_TYPE } from '../../gateway/auth/exchange-token.js';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
let officer: Record<string, string>;
let politie: Record<string, string>;

const invalidParam = (res: request.Response, name: string) => {
  assertProblem(res, 400, 'invalid-request');
  const names = (res.body.invalidParams ?? []).map((p: { name: string }) => p.name);
  assert.ok(names.includes(name), `the problem names ${name}: ${JSON.stringify(res.body.invalidParams)}`);
};

describe('bad input is a 4xx problem, never a 5xx', () => {
  before(async () => {
    officer = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    politie = await t.tokenHeaders('politie-demo', 'medewerker');
  });

  it('answers 415 with Accept-Encoding: identity to a compressed or unknown Content-Encoding, before authentication', async () => {
    for (const encoding of ['gzip', 'deflate', 'br', 'bogus']) {
      const token = await request(t.app).post('/api/v1/token').set('Content-Encoding', encoding).type('form').send({
        grant_type: 'client_credentials',
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: 'x',
      });
      assertProblem(token, 415, 'unsupported-media-type');
      assert.equal(token.headers['accept-encoding'], 'identity');
      const anonymous = await request(t.app).post('/api/v1/aanmeldingen').set('Content-Encoding', encoding).send({});
      assertProblem(anonymous, 415, 'unsupported-media-type');
    }
    const identity = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .set('Content-Encoding', 'identity')
      .send({});
    assertProblem(identity, 400, 'invalid-request');
  });

  it('answers 400 naming the parameter to checkpoint sizes beyond 2^53, Infinity or in exponent notation', async () => {
    for (const grootte of ['9223372036854775808', '9007199254740992', 'Infinity', '1e400', '-Infinity'])
      invalidParam(
        await request(t.app).get(`/api/v1/verstrekkingslog/checkpoints/${grootte}`).set(officer),
        '/params/grootte',
      );
  });

  it('answers 400 to huge or non-decimal index, grootte, van and tot in the query', async () => {
    invalidParam(
      await request(t.app).get('/api/v1/verstrekkingslog/inclusiebewijs?index=Infinity&grootte=1').set(officer),
      '/query/index',
    );
    invalidParam(
      await request(t.app)
        .get('/api/v1/verstrekkingslog/consistentiebewijs?van=1&tot=9223372036854775808')
        .set(officer),
      '/query/tot',
    );
    invalidParam(await request(t.app).get('/api/v1/verstrekkingslog/regels?van=1e3&tot=5').set(officer), '/query/van');
  });

  it('answers 400 naming the field to an impossible date on a log search, instead of returning everything', async () => {
    for (const [field, value] of [
      ['van', '2026-02-30T00:00:00Z'],
      ['tot', '2026-04-31T12:00:00Z'],
      ['van', '2026-01-01T25:00:00Z'],
    ] as const)
      invalidParam(
        await request(t.app)
          .post('/api/v1/verstrekkingslog/zoekvragen')
          .set(officer)
          .send({ [field]: value }),
        `/body/${field}`,
      );
    // A leap second is valid RFC 3339 but no JavaScript date: refused naming the field, never "no filter".
    const leap = await request(t.app)
      .post('/api/v1/verstrekkingslog/zoekvragen')
      .set(officer)
      .send({ tot: '2016-12-31T23:59:60Z' });
    assertProblem(leap, 400, 'invalid-request');
    assert.match(JSON.stringify(leap.body.invalidParams), /tot/, 'names tot');
    const ok = await request(t.app)
      .post('/api/v1/verstrekkingslog/zoekvragen')
      .set(officer)
      .send({ van: '2026-02-28T00:00:00Z' });
    assert.equal(ok.status, 200, ok.text);
  });

  it('refuses, and does not store, an aanmelding with a birth date that does not exist', async () => {
    const before = await t.db.store.db.casus.count();
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .send({
        soort: 'persoon',
        gemeente: 'Demostad',
        reden: 'Overlast',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [{ ref: 'v', bsn: testBsn(3), achternaam: 'de Vries', geboortedatum: '2026-02-30' }],
      });
    invalidParam(res, '/body/betrokkenen/0/geboortedatum');
    assert.equal(await t.db.store.db.casus.count(), before, 'nothing stored');
  });
});
