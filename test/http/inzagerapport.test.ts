import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import fc from 'fast-check';
import request from 'supertest';
import { verifyReportProofs, type ReportProofs } from '../../adapters/ledger/verify-report.js';
import { runCli } from '../../gateway/cli/knooppunt.js';
import { policyEngine } from '../../gateway/covenant/policy-engine.js';
import { bouwInzagerapport } from '../../gateway/rechten/rapport/bouw-inzagerapport.js';
import { noteSigner } from '../../adapters/ledger/signed-note.js';
import { loadContract } from '../../openapi/load-contract.js';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { receiptOf } from '../support/receipt.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Issue 15, the access report: two partners supply items about a person, three partners pull them,
 * and the report lists exactly those recipients, each with a proof `verify-report` checks offline.
 */
const t = useTestApp();
const as: Record<string, Record<string, string>> = {};
const BSN = testBsn(41);
const XSS = '<img src=x onerror=alert(1)>';
let casus: string;
let persoon: string;
const pulls: number[] = [];
let huisgenootPull: number;
const items: Record<string, string> = {};

const rapport = (body: object, headers = as.zvhFg!, accept = 'application/json') =>
  request(t.app).post('/api/v1/inzagerapporten').set(headers).set('Accept', accept).send(body);

async function verifyCli(report: unknown, ...extra: string[]) {
  const file = join(t.dataDir, `rapport-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(report));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['ledger', 'verify-report', file, ...extra], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { DATABASE_URL: 'postgresql://nowhere.invalid/none', KNOOPPUNT_DATA_DIR: join(t.dataDir, 'leeg') },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the access report (AVG art. 15) with log proofs', () => {
  before(async () => {
    for (const [k, p, rol] of [
      ['politie', 'politie-demo', 'medewerker'],
      ['gemeente', 'gemeente-demo', 'medewerker'],
      ['ggz', 'ggz-demo', 'medewerker'],
      ['regie', 'zvh-demo', 'procesregisseur'],
      ['politieFg', 'politie-demo', 'privacy-officer'],
      ['zvhFg', 'zvh-demo', 'privacy-officer'],
    ] as const)
      as[k] = await t.tokenHeaders(p, rol);
    const refer = async (who: string, bsn: string, voornamen: string) => {
      const a = await request(t.app)
        .post('/api/v1/aanmeldingen')
        .set(as[who]!)
        .send({
          soort: 'persoon',
          gemeente: 'Demostad',
          reden: 'Overlast en zorgen',
          leefgebieden: ['huisvesting-en-wonen'],
          betrokkenen: [
            { ref: 'p', bsn, voornamen, achternaam: 'Visser', geboortedatum: '1980-01-01', postcode: '5913 EF' },
          ],
        });
      assert.equal(a.status, 201, a.text);
      return { casus: a.body.casus as string, persoon: a.body.betrokkenen[0].betrokkene as string };
    };
    ({ casus, persoon } = await refer('politie', BSN, 'Karel'));
    for (const partner of ['gemeente-demo', 'ggz-demo'])
      await request(t.app).post(`/api/v1/casussen/${casus}/deelnemers`).set(as.regie!).send({ partner }).expect(201);
    await request(t.app)
      .post(`/api/v1/casussen/${casus}/triagebesluit`)
      .set(as.regie!)
      .send({ uitkomst: 'procesregie', motivering: 'meerdere ketens' })
      .expect(201);
    const add = async (who: string, c: string, p: string, categorie: string, grondslag: string, inhoud: string) => {
      const res = await request(t.app)
        .post(`/api/v1/casussen/${c}/informatie`)
        .set(as[who]!)
        .send({ doel: 'casusoverleg', items: [{ categorie, betrokkene: p, inhoud, grondslag }] });
      assert.equal(res.status, 201, res.text);
      items[inhoud] = res.body.items?.[0]?.id ?? res.body.ids?.[0];
    };
    await add('politie', casus, persoon, 'politiegegevens', 'wpg-art-20', 'MARKER-POLITIE aangifte 3 mei');
    await add('gemeente', casus, persoon, 'wonen', 'avg-6-1-e-gemeente', `MARKER-GEMEENTE ${XSS}`);
    await add('gemeente', casus, persoon, 'financien', 'avg-6-1-e-gemeente', 'MARKER-WEG schulden');
    for (const who of ['gemeente', 'ggz', 'politie']) {
      const res = await request(t.app).get(`/api/v1/casussen/${casus}/informatie?doel=casusoverleg`).set(as[who]!);
      assert.equal(res.status, 200, res.text);
      pulls.push(receiptOf(res).index);
    }
    // The household: the person and his partner referred together; a pull that holds only her item names only her.
    const gezin = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(as.gemeente!)
      .send({
        soort: 'systeem',
        gemeente: 'Demostad',
        reden: 'Huurachterstand gezin',
        leefgebieden: ['huisvesting-en-wonen'],
        betrokkenen: [
          {
            ref: 'p',
            bsn: BSN,
            voornamen: 'Karel',
            achternaam: 'Visser',
            geboortedatum: '1980-01-01',
            postcode: '5913 EF',
            rol: 'hoofdpersoon',
          },
          {
            ref: 'q',
            bsn: testBsn(42),
            voornamen: 'Els',
            achternaam: 'Visser',
            geboortedatum: '1982-02-02',
            postcode: '5913 EF',
          },
        ],
        relaties: [{ van: 'p', naar: 'q', soort: 'partner' }],
      });
    assert.equal(gezin.status, 201, gezin.text);
    const [p2, q] = gezin.body.betrokkenen.map((b: { betrokkene: string }) => b.betrokkene);
    assert.equal(p2, persoon, 'the same BSN is the same record');
    await add('gemeente', gezin.body.casus, q, 'wonen', 'avg-6-1-e-gemeente', 'MARKER-ANDER huur');
    const ander = await request(t.app)
      .get(`/api/v1/casussen/${gezin.body.casus}/informatie?doel=triage`)
      .set(as.gemeente!);
    assert.equal(ander.status, 200, ander.text);
    huisgenootPull = receiptOf(ander).index;
    const [entry] = await t.ledger.entries(huisgenootPull, huisgenootPull + 1);
    assert.equal(JSON.parse(entry!.body).subjectRefs.length, 1, 'the log tells: the pull named only her');
  });

  it('lists exactly the three pulls of this person, with dates, purposes and both sources', async () => {
    const res = await rapport({ bsn: BSN });
    assert.equal(res.status, 200, res.text);
    const r = res.body;
    assert.deepEqual(
      r.verstrekkingen.map((v: { index: number }) => v.index).sort((a: number, b: number) => a - b),
      [...pulls].sort((a, b) => a - b),
      'the recipients are the three pulls, not the household member’s',
    );
    assert.ok(!pulls.includes(huisgenootPull));
    for (const v of r.verstrekkingen) {
      assert.equal(v.doel, 'casusoverleg');
      assert.ok(!Number.isNaN(Date.parse(v.tijd)), `a date for entry ${v.index}`);
    }
    assert.deepEqual(r.bronnen.map((b: { partner: string }) => b.partner).sort(), ['gemeente-demo', 'politie-demo']);
    const politie = r.bronnen.find((b: { partner: string }) => b.partner === 'politie-demo');
    assert.equal(politie.regime, 'Wpg');
    assert.ok(politie.terugkijkperiode, 'the Wpg look-back period is stated');
    assert.match(JSON.stringify(r), /MARKER-POLITIE/);
    assert.doesNotMatch(JSON.stringify(r), /MARKER-ANDER/, 'nothing of the household member');
    assert.ok(politie.categorieen[0].bewaartermijn, 'retention from the covenant');
  });

  it('validates against the contract schema Inzagerapport', async () => {
    const res = await rapport({ bsn: BSN });
    const { components } = loadContract().document as { components: object };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    (formats as unknown as { default: (a: Ajv2020) => void }).default(ajv);
    const validate = ajv.compile({ $ref: '#/components/schemas/Inzagerapport', components });
    assert.equal(validate(res.body), true, JSON.stringify(validate.errors));
  });

  it('leaf bodies carry no personal data: no BSN, no item content', async () => {
    const res = await rapport({ bsn: BSN });
    for (const v of res.body.verstrekkingen) {
      assert.doesNotMatch(v.logRegel, new RegExp(`${BSN}|MARKER|Visser|Karel`), `entry ${v.index}`);
    }
  });

  it('verify-report accepts it, pinned to the published key, and warns without a pinned key', async () => {
    const r = (await rapport({ bsn: BSN })).body;
    const key = (await request(t.app).get('/api/v1/verstrekkingslog/publieke-sleutel')).body;
    const keyFile = join(t.dataDir, 'log-key.json');
    writeFileSync(keyFile, JSON.stringify(key));
    const pinned = await verifyCli(r, '--key', keyFile);
    assert.equal(pinned.code, 0, pinned.err);
    assert.match(pinned.out, /OK {2}\d+ verstrekkingen/);
    const unpinned = await verifyCli(r);
    assert.equal(unpinned.code, 0, unpinned.err);
    assert.match(unpinned.err, /LET OP/);
  });

  it('verify-report fails on another pinned key, naming it', async () => {
    const r = (await rapport({ bsn: BSN })).body;
    const other = r.logbewijs.verifierKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    const res = await verifyCli(r, '--key', other);
    assert.equal(res.code, 1);
    assert.match(res.err, /vastgepinde sleutel|checkpoint/);
  });

  it('tampering with any index, leaf hash, proof node, body or the signature is caught, naming the entry', async () => {
    const r = (await rapport({ bsn: BSN })).body as ReportProofs;
    assert.deepEqual(verifyReportProofs(r, r.logbewijs.verifierKey).problems, []);
    const flipHex = (h: string, at: number) =>
      h.slice(0, at) + ((parseInt(h[at]!, 16) ^ 1).toString(16) as string) + h.slice(at + 1);
    fc.assert(
      fc.property(
        fc.nat({ max: r.verstrekkingen.length - 1 }),
        fc.constantFrom('index', 'leafHash', 'bewijs', 'logRegel', 'signature'),
        fc.nat(),
        (i, field, at) => {
          const copy = structuredClone(r);
          const v = copy.verstrekkingen[i]!;
          if (field === 'index') v.index = v.index + 1 + (at % 5);
          if (field === 'leafHash') v.leafHash = flipHex(v.leafHash, at % 64);
          if (field === 'bewijs') {
            if (v.bewijs.length === 0) return;
            const n = at % v.bewijs.length;
            v.bewijs[n] = flipHex(v.bewijs[n]!, at % 64);
          }
          if (field === 'logRegel') {
            const p = at % v.logRegel.length;
            const c = v.logRegel.charCodeAt(p);
            v.logRegel =
              v.logRegel.slice(0, p) + String.fromCharCode(c === 0x61 ? 0x62 : 0x61) + v.logRegel.slice(p + 1);
          }
          if (field === 'signature') {
            const note = copy.logbewijs.checkpoint!.signedNote;
            const sig = note.lastIndexOf(' ') + 1 + (at % 40);
            const ch = note[sig] === 'A' ? 'B' : 'A';
            copy.logbewijs.checkpoint!.signedNote = note.slice(0, sig) + ch + note.slice(sig + 1);
          }
          const { problems } = verifyReportProofs(copy, r.logbewijs.verifierKey);
          assert.ok(problems.length > 0, `flipping ${field} at ${at} of entry ${i} went unnoticed`);
          if (field !== 'signature') assert.match(problems.join('\n'), /logindex/);
        },
      ),
      { numRuns: 60 },
    );
    const cli = await verifyCli({ ...r, verstrekkingen: [{ ...r.verstrekkingen[0]!, leafHash: '0'.repeat(64) }] });
    assert.equal(cli.code, 1);
    assert.match(cli.err, new RegExp(`logindex ${r.verstrekkingen[0]!.index}`));
  });

  it('dropping an entry still verifies: inclusion proofs cannot show completeness, and the report says so', async () => {
    const r = (await rapport({ bsn: BSN })).body;
    const dropped = { ...r, verstrekkingen: r.verstrekkingen.slice(1) };
    assert.deepEqual(verifyReportProofs(dropped, r.logbewijs.verifierKey).problems, []);
    assert.match(r.volledigheid, /niet aan dat de lijst volledig is/);
  });

  it('lists police (Wpg) recipients for the four years before the request only, others for all time', async () => {
    const deps = {
      store: t.db.store,
      dp: t.dataProtection,
      policy: policyEngine(t.covenants),
      clock: t.clock,
      ledger: t.ledger,
      checkpoints: t.integrity,
      verifierKey: noteSigner(t.ledger.origin, t.logSigningKey).verifierKey(),
    };
    const vijfJaarLater = new Date(t.clock.now().getTime() + 5 * 366 * 86_400_000);
    const records = [persoon];
    const nu = await bouwInzagerapport(deps, { betrokkeneIds: records, peildatum: t.clock.now(), weglatingen: [] });
    const later = await bouwInzagerapport(deps, { betrokkeneIds: records, peildatum: vijfJaarLater, weglatingen: [] });
    const ontvangers = (r: typeof nu, partner: string) => r.bronnen.find((b) => b.partner === partner)!.ontvangers;
    assert.ok(ontvangers(nu, 'politie-demo').length > 0, 'police recipients within four years');
    assert.deepEqual(ontvangers(later, 'politie-demo'), [], 'none after more than four years');
    assert.deepEqual(ontvangers(later, 'gemeente-demo'), ontvangers(nu, 'gemeente-demo'), 'AVG: everything held');
    assert.equal(
      later.bronnen.find((b) => b.partner === 'politie-demo')!.terugkijkperiode!.tot,
      vijfJaarLater.toISOString(),
    );
  });

  it('renders a printable Dutch HTML document: sections, escaped content, no script', async () => {
    const res = await rapport({ bsn: BSN }, as.zvhFg, 'text/html');
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers['content-type'] ?? '', /text\/html/);
    assert.match(res.headers['content-security-policy'] ?? '', /default-src 'none'/);
    receiptOf(res);
    for (const kop of [
      'Waarvoor gebruiken we ze?',
      'Op grond van welke wet?',
      'De gegevens zelf',
      'Aan wie zijn ze doorgegeven?',
      'Uw rechten',
      'Autoriteit Persoonsgegevens',
      'Voorstellen van de computer',
      'Bewijs uit het logboek',
      '@media print',
    ])
      assert.ok(res.text.includes(kop), `the document has ${kop}`);
    assert.doesNotMatch(res.text, /<script/i);
    assert.ok(!res.text.includes(XSS), 'the marker is not markup');
    assert.ok(res.text.includes('&lt;img src=x onerror=alert(1)>') || res.text.includes('&lt;img'), 'escaped');
    assert.doesNotMatch(res.text, /(src|href)="https?:/, 'no external resource');
  });

  it('leaves withheld items out, mentioning them only when vermelden, and shows all to the functionaris', async () => {
    const itemId = await idOf('MARKER-WEG schulden');
    const grond = {
      itemId,
      grond: 'rechten-anderen',
      label: 'Rechten en vrijheden van anderen',
      artikel: 'AVG 15 lid 4',
    };
    const stil = await rapport({ bsn: BSN, weglatingen: [{ ...grond, vermelden: false }] }, as.zvhFg, 'text/html');
    assert.doesNotMatch(stil.text, /MARKER-WEG|Rechten en vrijheden van anderen/);
    const gemeld = await rapport({ bsn: BSN, weglatingen: [{ ...grond, vermelden: true }] }, as.zvhFg, 'text/html');
    assert.doesNotMatch(gemeld.text, /MARKER-WEG/);
    assert.match(gemeld.text, /Rechten en vrijheden van anderen/);
    const fg = await rapport({ bsn: BSN, voor: 'functionaris', weglatingen: [{ ...grond, vermelden: false }] });
    const weg = fg.body.bronnen.flatMap((b: { weggelaten: unknown[] }) => b.weggelaten);
    assert.deepEqual(
      weg.map(
        ({ zichtbaarIn, ...w }: { zichtbaarIn: number[] }) => (
          assert.ok(zichtbaarIn.length > 0, 'the financien pulls still show the category'),
          w
        ),
      ),
      [{ ...grond, categorie: 'financien', vermelden: false }],
    );
    assert.doesNotMatch(JSON.stringify(fg.body), /MARKER-WEG/);
  });

  it('is itself logged before it leaves, as a disclosure for rechten-betrokkene', async () => {
    const res = await rapport({ bsn: BSN });
    const { index } = receiptOf(res);
    const [entry] = await t.ledger.entries(index, index + 1);
    const body = JSON.parse(entry!.body);
    assert.equal(body.doel, 'rechten-betrokkene');
    assert.equal(body.ontvanger.partner, 'zvh-demo');
    assert.doesNotMatch(entry!.body, new RegExp(BSN));
  });

  it('refuses without credentials (401), and a partner’s privacy officer, a partner or a procesregisseur (403)', async () => {
    const none = await request(t.app).post('/api/v1/inzagerapporten').send({ bsn: BSN });
    assert.equal(none.status, 401, none.text);
    assertProblem(await rapport({ bsn: BSN }, as.politieFg), 403, 'forbidden');
    assertProblem(await rapport({ bsn: BSN }, as.regie), 403, 'forbidden');
    assertProblem(await rapport({ bsn: BSN }, as.gemeente), 403, 'forbidden');
    assertProblem(await rapport({ bsn: BSN }, t.asPartner('zvh-demo')), 403, 'forbidden');
  });

  it('refuses a BSN that fails the elfproef (400), and never writes a BSN into a log line', async () => {
    assertProblem(await rapport({ bsn: '123456780' }), 400, 'invalid-request');
    assert.ok(!t.logLines().some((l) => l.includes(BSN)), 'no log line holds the BSN');
  });
});

async function idOf(inhoud: string): Promise<string> {
  if (items[inhoud]) return items[inhoud]!;
  const r = await rapport({ bsn: BSN, voor: 'functionaris' });
  for (const b of r.body.bronnen) for (const g of b.gegevens) if (g.inhoud === inhoud) return g.id as string;
  assert.fail(`no item ${inhoud}`);
}
