import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { exportJWK } from 'jose';
import request from 'supertest';
import { CLIENT_ASSERTION_TYPE } from '../../gateway/auth/exchange-token.js';
import { contractPath } from '../../openapi/contract-url.js';
import type { operations } from '../../openapi/generated/knooppunt.js';
import { loadContract } from '../../openapi/load-contract.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

/**
 * A client built only from the generated contract types: every operation gets one request whose path,
 * query and body are typed by `openapi/generated` (a required property left out, or a value of the
 * wrong type, does not compile), sent to the real app, and answered with a status the contract
 * declares for that operation. The table is keyed by operationId, so an operation without a call is a
 * compile error too. The defects a generated client met before (a fixed server port, defaults that were
 * required, untyped answers) would show here.
 */
const t = useTestApp();
const contract = loadContract();

type OperationId = keyof operations;
type Params<K extends OperationId> = operations[K]['parameters'];
type JsonBody<K extends OperationId> = operations[K] extends { requestBody?: { content: infer C } }
  ? C extends { 'application/json': infer B }
    ? B
    : never
  : never;
type Who = 'anoniem' | 'politie' | 'regisseur' | 'beheerder' | 'privacy-officer' | 'beleidsmedewerker';

interface Call<K extends OperationId> {
  as: Who;
  path?: Params<K>['path'];
  query?: Params<K>['query'];
  body?: JsonBody<K>;
  /** Extra headers (an Idempotency-Key, a form-encoded body's content type). */
  headers?: Record<string, string>;
  /** The status this call must get; it must be one the contract declares. */
  expect: number;
}

interface Ctx {
  casus: string;
  betrokkene: string;
  anderePersoon: string;
  assertion: string;
  jwk: Record<string, unknown>;
}

const ctx = {} as Ctx;
const nobody = '00000000-0000-4000-8000-000000000000';

/** One call per operation; a missing operation does not compile. */
const calls: { [K in OperationId]: () => Call<K> } = {
  getHealth: () => ({ as: 'anoniem', expect: 200 }),
  getReady: () => ({ as: 'anoniem', expect: 200 }),
  getOpenapiDocument: () => ({ as: 'anoniem', expect: 200 }),
  getJwks: () => ({ as: 'anoniem', expect: 200 }),
  createToken: () => ({
    as: 'politie',
    body: {
      grant_type: 'client_credentials',
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: ctx.assertion,
    },
    expect: 200,
  }),
  getEigenPartner: () => ({ as: 'politie', expect: 200 }),
  listPartners: () => ({ as: 'beheerder', expect: 200 }),
  registerPartner: () => ({
    as: 'beheerder',
    body: {
      id: 'typed-client-demo',
      naam: 'Typed Client',
      oin: '00000099000000000099',
      soort: 'overig',
      regime: 'AVG',
    },
    expect: 201,
  }),
  getPartner: () => ({ as: 'beheerder', path: { partnerId: 'typed-client-demo' }, expect: 200 }),
  updatePartnerStatus: () => ({
    as: 'beheerder',
    path: { partnerId: 'typed-client-demo' },
    body: { status: 'geschorst' },
    expect: 200,
  }),
  addPartnerCertificate: () => ({
    as: 'beheerder',
    path: { partnerId: 'typed-client-demo' },
    body: { pem: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n' },
    expect: 400,
  }),
  revokePartnerCertificate: () => ({
    as: 'beheerder',
    path: { partnerId: 'typed-client-demo', fingerprint: 'ab'.repeat(32) },
    expect: 404,
  }),
  addPartnerKey: () => ({
    as: 'beheerder',
    path: { partnerId: 'typed-client-demo' },
    body: { jwk: { ...ctx.jwk, kid: 'typed-client-1' } as JsonBody<'addPartnerKey'>['jwk'] },
    expect: 201,
  }),
  revokePartnerKey: () => ({
    as: 'beheerder',
    path: { partnerId: 'typed-client-demo', kid: 'typed-client-1' },
    expect: 204,
  }),
  listConvenanten: () => ({ as: 'privacy-officer', expect: 200 }),
  simulateConvenant: () => ({
    as: 'privacy-officer',
    body: { partner: 'gemeente', doel: 'casusoverleg' },
    expect: 200,
  }),
  createAanmelding: () => ({
    as: 'politie',
    headers: { 'Idempotency-Key': 'typed-client-aanmelding' },
    // No `rol`, `doel` or `codeRood`: their defaults make them optional for a client.
    body: {
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', achternaam: 'Typed', bsn: testBsn(451) }],
    },
    expect: 201,
  }),
  listCasussen: () => ({ as: 'politie', query: { pageSize: 5 }, expect: 200 }),
  getCasus: () => ({ as: 'politie', path: { casusId: ctx.casus }, query: { doel: 'triage' }, expect: 200 }),
  getCasusBetrokkenen: () => ({ as: 'politie', path: { casusId: ctx.casus }, query: { doel: 'triage' }, expect: 200 }),
  getCasusSysteem: () => ({ as: 'politie', path: { casusId: ctx.casus }, query: { doel: 'triage' }, expect: 200 }),
  getCasusInformatie: () => ({ as: 'politie', path: { casusId: ctx.casus }, query: { doel: 'triage' }, expect: 200 }),
  addInformatie: () => ({
    as: 'politie',
    path: { casusId: ctx.casus },
    body: {
      doel: 'triage',
      items: [
        { categorie: 'wonen', betrokkene: ctx.betrokkene, inhoud: 'Huurachterstand', grondslag: 'avg-6-1-e-gemeente' },
      ],
    },
    expect: 201,
  }),
  getTriage: () => ({ as: 'regisseur', path: { casusId: ctx.casus }, expect: 200 }),
  recordTriageBesluit: () => ({
    as: 'regisseur',
    path: { casusId: ctx.casus },
    body: { uitkomst: 'procesregie', motivering: 'Meerdere leefgebieden' },
    expect: 201,
  }),
  addDeelnemer: () => ({
    as: 'regisseur',
    path: { casusId: ctx.casus },
    body: { partner: 'gemeente-demo' },
    expect: 201,
  }),
  getCasusLevensloop: () => ({ as: 'regisseur', path: { casusId: ctx.casus }, expect: 200 }),
  getCasusOverzicht: () => ({ as: 'regisseur', path: { casusId: ctx.casus }, expect: 200 }),
  findPersoonCasussen: () => ({ as: 'regisseur', body: { bsn: testBsn(452) }, expect: 200 }),
  mergeCasus: () => ({
    as: 'regisseur',
    path: { casusId: ctx.casus },
    body: { in: nobody, reden: 'Zelfde gezin' },
    expect: 400,
  }),
  splitCasus: () => ({
    as: 'regisseur',
    path: { casusId: ctx.casus },
    body: { betrokkenen: [nobody], reden: 'Eigen casus' },
    expect: 400,
  }),
  createCasusOvergang: () => ({
    as: 'regisseur',
    path: { casusId: ctx.casus },
    body: { naar: 'casusoverleg', reden: 'Overleg gepland' },
    expect: 201,
  }),
  createInterventie: () => ({
    as: 'regisseur',
    path: { casusId: ctx.casus },
    body: {
      eigenaar: 'gemeente-demo',
      leefgebied: 'huisvesting-en-wonen',
      titel: 'Woonbegeleiding',
      deadline: '2030-01-01T00:00:00Z',
    },
    expect: 201,
  }),
  listInterventies: () => ({ as: 'politie', path: { casusId: ctx.casus }, expect: 200 }),
  getCasusPlan: () => ({ as: 'politie', path: { casusId: ctx.casus }, query: { doel: 'procesregie' }, expect: 200 }),
  addVoortgang: () => ({
    as: 'politie',
    path: { casusId: ctx.casus, interventieId: nobody },
    body: { status: 'lopend', toelichting: 'Gestart' },
    expect: 404,
  }),
  endDeelname: () => ({
    as: 'regisseur',
    path: { casusId: ctx.casus, partnerId: 'gemeente-demo' },
    body: { reden: 'Niet meer nodig' },
    expect: 201,
  }),
  listCasusSignalen: () => ({ as: 'regisseur', expect: 200 }),
  createCasusoverleg: () => ({ as: 'regisseur', body: { datum: '2030-01-01T10:00:00Z', online: true }, expect: 201 }),
  getCasusoverleg: () => ({ as: 'politie', path: { overlegId: nobody }, expect: 404 }),
  addAgendapunt: () => ({
    as: 'regisseur',
    path: { overlegId: nobody },
    body: { casus: ctx.casus, genodigden: ['politie-demo'] },
    expect: 404,
  }),
  recordNotulen: () => ({
    as: 'regisseur',
    path: { overlegId: nobody, agendapuntId: nobody },
    body: { notulen: 'Besproken' },
    expect: 404,
  }),
  listKoppelvoorstellen: () => ({ as: 'regisseur', expect: 200 }),
  linkBetrokkenen: () => ({
    as: 'regisseur',
    body: { betrokkeneA: nobody, betrokkeneB: ctx.betrokkene, motivering: 'Zelfde persoon' },
    expect: 404,
  }),
  decideKoppelvoorstel: () => ({
    as: 'regisseur',
    path: { voorstelId: nobody },
    body: { besluit: 'afwijzen', motivering: 'Niet dezelfde persoon' },
    expect: 404,
  }),
  splitBetrokkene: () => ({
    as: 'regisseur',
    path: { betrokkeneId: nobody },
    body: { motivering: 'Fout' },
    expect: 404,
  }),
  askVerwijsindex: () => ({ as: 'politie', body: { bsn: testBsn(451), doel: 'triage' }, expect: 200 }),
  getLatestCheckpoint: () => ({ as: 'anoniem', expect: 200 }),
  getCheckpoint: () => ({ as: 'anoniem', path: { grootte: 1 }, expect: 404 }),
  addCheckpointCosignature: () => ({
    as: 'anoniem',
    path: { grootte: 1 },
    body: { cosignature: '— witness AAAA' },
    expect: 404,
  }),
  getInclusionProof: () => ({ as: 'anoniem', query: { index: 0, grootte: 1 }, expect: 200 }),
  getConsistencyProof: () => ({ as: 'anoniem', query: { van: 1, tot: 1 }, expect: 200 }),
  listLogEntries: () => ({ as: 'privacy-officer', query: { van: 0, tot: 10 }, expect: 200 }),
  getLogVerifierKey: () => ({ as: 'anoniem', expect: 200 }),
  searchLog: () => ({ as: 'privacy-officer', body: { doel: 'triage' }, expect: 200 }),
  exportLog: () => ({ as: 'privacy-officer', query: { formaat: 'csv' }, expect: 200 }),
  getAnomalySignals: () => ({ as: 'privacy-officer', expect: 200 }),
  createInzagerapport: () => ({ as: 'privacy-officer', body: { bsn: '111222333' }, expect: 200 }),
  registerVerzoek: () => ({
    as: 'privacy-officer',
    body: { soort: 'inzage', bsn: testBsn(451), identiteit: { methode: 'digid' } },
    expect: 201,
  }),
  listVerzoeken: () => ({ as: 'privacy-officer', query: { status: 'ontvangen' }, expect: 200 }),
  listVerzoekTermijnen: () => ({ as: 'privacy-officer', query: { binnen: 60 }, expect: 200 }),
  getVerzoek: () => ({ as: 'privacy-officer', path: { verzoekId: nobody }, expect: 404 }),
  getVerzoekInzagerapport: () => ({ as: 'privacy-officer', path: { verzoekId: nobody }, expect: 404 }),
  changeVerzoekStatus: () => ({
    as: 'privacy-officer',
    path: { verzoekId: nobody },
    body: { naar: 'in-behandeling', reden: 'Start' },
    expect: 404,
  }),
  extendVerzoek: () => ({
    as: 'privacy-officer',
    path: { verzoekId: nobody },
    body: { maanden: 1, reden: 'Complex' },
    expect: 404,
  }),
  recomputeVerzoekTermijn: () => ({ as: 'privacy-officer', path: { verzoekId: nobody }, expect: 404 }),
  executeVerzoek: () => ({ as: 'privacy-officer', path: { verzoekId: nobody }, body: {}, expect: 404 }),
  liftVerzoekBeperking: () => ({
    as: 'privacy-officer',
    path: { verzoekId: nobody },
    body: { beperking: nobody, grond: 'klaar' },
    expect: 404,
  }),
  addWeglating: () => ({
    as: 'privacy-officer',
    path: { verzoekId: nobody },
    body: { item: 'x', grond: 'WPG_27_DERDEN' },
    expect: 404,
  }),
  deleteWeglating: () => ({
    as: 'privacy-officer',
    path: { verzoekId: nobody, weglatingId: nobody },
    body: { reden: 'Vergissing' },
    expect: 404,
  }),
  listWeigeringsgronden: () => ({ as: 'privacy-officer', expect: 200 }),
  listRectificaties: () => ({ as: 'privacy-officer', expect: 200 }),
  answerRectificatie: () => ({
    as: 'privacy-officer',
    path: { rectificatieId: nobody },
    body: { besluit: 'afgewezen', motivering: 'Klopt zoals het staat' },
    expect: 404,
  }),
  listKennisgevingen: () => ({ as: 'privacy-officer', expect: 200 }),
  acknowledgeKennisgeving: () => ({ as: 'privacy-officer', path: { kennisgevingId: nobody }, expect: 404 }),
  getSignaalfunctie: () => ({
    as: 'beleidsmedewerker',
    query: { van: '2026-01-01', tot: '2026-12-31', indeling: 'triage-uitkomst' },
    expect: 200,
  }),
  putWebhook: () => ({
    as: 'politie',
    body: { url: 'https://webhooks.politie.example/knooppunt', soorten: ['uitnodiging'] },
    expect: 200,
  }),
  listDodeBrieven: () => ({ as: 'beheerder', expect: 200 }),
  listWebhooks: () => ({ as: 'beheerder', expect: 200 }),
  replayDodeBrief: () => ({ as: 'beheerder', path: { meldingId: nobody }, expect: 404 }),
  // The police have no import profile: a 400 naming `profiel`.
  createImport: () => ({ as: 'politie', query: { profiel: 'politie-demo' }, body: [], expect: 400 }),
  getImport: () => ({ as: 'politie', path: { importId: nobody }, expect: 404 }),
  getImportRapport: () => ({ as: 'politie', path: { importId: nobody }, expect: 404 }),
};

/** The order the calls run in: ids made by one are used by the next. Every operation exactly once. */
const order: OperationId[] = [
  'getHealth',
  'getReady',
  'getOpenapiDocument',
  'getJwks',
  'createToken',
  'getEigenPartner',
  'listPartners',
  'registerPartner',
  'getPartner',
  'updatePartnerStatus',
  'addPartnerCertificate',
  'revokePartnerCertificate',
  'addPartnerKey',
  'revokePartnerKey',
  'listConvenanten',
  'simulateConvenant',
  'createAanmelding',
  'listCasussen',
  'addInformatie',
  'getCasus',
  'getCasusBetrokkenen',
  'getCasusSysteem',
  'getCasusInformatie',
  'getTriage',
  'recordTriageBesluit',
  'addDeelnemer',
  'getCasusLevensloop',
  'getCasusOverzicht',
  'findPersoonCasussen',
  'mergeCasus',
  'splitCasus',
  'createCasusOvergang',
  'createInterventie',
  'listInterventies',
  'getCasusPlan',
  'addVoortgang',
  'endDeelname',
  'listCasusSignalen',
  'createCasusoverleg',
  'getCasusoverleg',
  'addAgendapunt',
  'recordNotulen',
  'listKoppelvoorstellen',
  'linkBetrokkenen',
  'decideKoppelvoorstel',
  'splitBetrokkene',
  'askVerwijsindex',
  'listRectificaties',
  'answerRectificatie',
  'listKennisgevingen',
  'acknowledgeKennisgeving',
  'getLatestCheckpoint',
  'getCheckpoint',
  'addCheckpointCosignature',
  'getInclusionProof',
  'getConsistencyProof',
  'listLogEntries',
  'getLogVerifierKey',
  'searchLog',
  'exportLog',
  'getAnomalySignals',
  'createInzagerapport',
  'registerVerzoek',
  'listVerzoeken',
  'listVerzoekTermijnen',
  'getVerzoek',
  'getVerzoekInzagerapport',
  'changeVerzoekStatus',
  'extendVerzoek',
  'recomputeVerzoekTermijn',
  'executeVerzoek',
  'liftVerzoekBeperking',
  'addWeglating',
  'deleteWeglating',
  'listWeigeringsgronden',
  'getSignaalfunctie',
  'putWebhook',
  'listWebhooks',
  'listDodeBrieven',
  'replayDodeBrief',
  'createImport',
  'getImport',
  'getImportRapport',
];

const declared = (op: OperationId, status: number): boolean => {
  const c = contract.document as {
    paths: Record<string, Record<string, { operationId?: string; responses?: object }>>;
  };
  for (const item of Object.values(c.paths))
    for (const o of Object.values(item)) if (o.operationId === op) return String(status) in (o.responses ?? {});
  return false;
};

describe('a client generated from the served contract', () => {
  const headersFor: Partial<Record<Who, Record<string, string>>> = { anoniem: {} };

  before(async () => {
    headersFor.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    headersFor.regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    headersFor.beheerder = await t.tokenHeaders('zvh-demo', 'beheerder');
    headersFor['privacy-officer'] = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    headersFor.beleidsmedewerker = await t.tokenHeaders('gemeente-demo', 'beleidsmedewerker');
    ctx.assertion = await t.assertion('politie-demo');
    ctx.jwk = { ...(await exportJWK(generateKeyPairSync('ed25519').publicKey)), alg: 'EdDSA' };
  });

  it('has one call per operation, and the contract has no operation without one', () => {
    assert.deepEqual(
      [...order].sort(),
      contract.operations.map((o) => o.operationId).sort(),
      'the order lists every operation of the contract once',
    );
  });

  it('gets, for a typed request to every operation, the status the contract declares', async () => {
    for (const op of order) {
      const call = (calls[op] as () => Call<OperationId>)();
      const meta = contract.operations.find((o) => o.operationId === op)!;
      const path = contractPath(contract, op, (call.path ?? {}) as Record<string, string>);
      const query = new URLSearchParams(
        Object.entries(call.query ?? {}).map(([k, v]): [string, string] => [k, String(v)]),
      );
      const url = `${contract.basePath}${path}${query.size > 0 ? `?${query}` : ''}`;
      const asPartner =
        call.as === 'anoniem'
          ? {}
          : call.as === 'politie' && op === 'createToken'
            ? t.asPartner('politie-demo')
            : headersFor[call.as]!;
      const method = meta.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const agent = request(t.app);
      let req = agent[method](url)
        .set(asPartner)
        .set(call.headers ?? {});
      if (call.body !== undefined) req = req.send(call.body as object);
      const res = await req;
      assert.equal(res.status, call.expect, `${op} ${meta.method} ${url}: ${res.status} ${res.text.slice(0, 300)}`);
      assert.equal(declared(op, res.status), true, `${op}: the contract declares status ${res.status}`);
      if (op === 'createAanmelding') {
        ctx.casus = res.body.casus;
        ctx.betrokkene = res.body.betrokkenen[0].betrokkene;
      }
      // After the pulls, a signed checkpoint for the log's public face (the server's timer signs every few seconds).
      if (op === 'askVerwijsindex') await t.integrity.sign();
    }
  });
});
