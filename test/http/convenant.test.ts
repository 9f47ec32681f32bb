import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
const as: Record<string, Record<string, string>> = {};

describe('the covenant API', () => {
  before(async () => {
    as.fgPolitie = await t.tokenHeaders('politie-demo', 'privacy-officer');
    as.medewerker = await t.tokenHeaders('politie-demo', 'medewerker');
  });

  it('lists the loaded versions and the one in force, for a privacy officer', async () => {
    const res = await request(t.app).get('/api/v1/convenanten').set(as.fgPolitie!).expect(200);
    assert.equal(res.body.inWerking, 'zvh-demo@2026.1');
    assert.equal(res.body.versies[0].ondertekenaars.length, 12);
    assert.match(res.body.versies[0].sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(res.body.geweigerd, []);
  });

  it('simulates what a partner would see, per category and source, with reasons', async () => {
    const res = await request(t.app)
      .post('/api/v1/convenanten/simulaties')
      .set(as.fgPolitie!)
      .send({ partner: 'woningcorporatie-demo', doel: 'casusoverleg', fase: 'casusoverleg' })
      .expect(200);
    assert.equal(res.body.convenant, 'zvh-demo@2026.1');
    const health = res.body.categorieen.find((c: { categorie: string }) => c.categorie === 'gezondheid');
    assert.ok(
      health.bronnen.every(
        (b: { effect: string; regels: string[] }) =>
          b.effect === 'deny' && b.regels.includes('woningcorporatie-geen-bijzondere-gegevens'),
      ),
      'every source denies health data to the woningcorporatie by rule woningcorporatie-geen-bijzondere-gegevens',
    );
  });

  it('accepts a partner kind instead of a registered partner', async () => {
    const res = await request(t.app)
      .post('/api/v1/convenanten/simulaties')
      .set(as.fgPolitie!)
      .send({ partner: 'ggz', doel: 'triage', actie: 'aanleveren', fase: 'triage' })
      .expect(200);
    assert.equal(
      res.body.categorieen.find((c: { categorie: string }) => c.categorie === 'psychische-gezondheid').bronnen[0]
        .effect,
      'permit',
    );
  });

  it('answers 400 naming the field for an unknown partner or purpose', async () => {
    const p = await request(t.app)
      .post('/api/v1/convenanten/simulaties')
      .set(as.fgPolitie!)
      .send({ partner: 'bakker-jansen', doel: 'triage' });
    assertProblem(p, 400, 'invalid-request');
    assert.equal(p.body.invalidParams[0].name, '/partner');
    const d = await request(t.app)
      .post('/api/v1/convenanten/simulaties')
      .set(as.fgPolitie!)
      .send({ partner: 'ggz', doel: 'nieuwsgierigheid' });
    assertProblem(d, 400, 'invalid-request');
    assert.equal(d.body.invalidParams[0].name, '/doel');
    assertProblem(
      await request(t.app)
        .post('/api/v1/convenanten/simulaties')
        .set(as.fgPolitie!)
        .send({ partner: 'ggz', doel: 'triage', fase: 'later' }),
      400,
      'invalid-request',
    );
  });

  it('refuses an employee without a reviewing role, and a bare certificate, with 403', async () => {
    assertProblem(await request(t.app).get('/api/v1/convenanten').set(as.medewerker!), 403, 'forbidden');
    assertProblem(
      await request(t.app)
        .post('/api/v1/convenanten/simulaties')
        .set(t.asPartner('gemeente-demo'))
        .send({ partner: 'ggz', doel: 'triage' }),
      403,
      'forbidden',
    );
  });
});
