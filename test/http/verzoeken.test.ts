import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request, { type Response } from 'supertest';
import { amsterdamDatum } from '../../gateway/rechten/termijnen/kalender.js';
import { betrokkenenVanVerzoek } from '../../gateway/rechten/verzoeken/betrokkenen-van-verzoek.js';
import { weglatingenVan } from '../../gateway/rechten/verzoeken/weglatingen-van.js';
import { testBsn } from '../support/bsn.js';
import { assertProblem } from '../support/problem-assertions.js';
import { useTestApp } from '../support/test-app.js';

const t = useTestApp();
type Who = 'fg' | 'politieFg' | 'gemeenteFg' | 'ggzFg' | 'politie' | 'gemeente' | 'regisseur';
const as = {} as Record<Who, Record<string, string>>;

/** Marker BSNs: none may ever appear in an answer, a header, a log line or an audit row. */
const bsnA = testBsn(701);
const bsnB = testBsn(702);
const bsnOnbekend = testBsn(703);
const bsnLater = testBsn(704);
const answers: string[] = [];
const seen = (res: Response): Response => {
  answers.push(res.text, JSON.stringify(res.headers));
  return res;
};

let politieItemA: string;
let gemeenteItemA: string;
let itemB: string;

const daysAgo = (n: number) => amsterdamDatum(new Date(t.clock.now().getTime() - n * 86_400_000));

async function supply(who: Record<string, string>, bsn: string, item: Record<string, unknown>): Promise<string> {
  const a = await request(t.app)
    .post('/api/v1/aanmeldingen')
    .set(who)
    .send({
      soort: 'persoon',
      gemeente: 'Demostad',
      reden: 'Overlast',
      leefgebieden: ['huisvesting-en-wonen'],
      betrokkenen: [{ ref: 'p', bsn, achternaam: 'Verzoeker', geboortedatum: '1970-01-01' }],
    });
  assert.equal(a.status, 201, a.text);
  const res = await request(t.app)
    .post(`/api/v1/casussen/${a.body.casus}/informatie`)
    .set(who)
    .send({ doel: 'triage', items: [{ ...item, betrokkene: a.body.betrokkenen[0].betrokkene }] });
  assert.equal(res.status, 201, res.text);
  return res.body.items[0].id as string;
}

async function register(who: Record<string, string>, body: Record<string, unknown>): Promise<Response> {
  return seen(
    await request(t.app)
      .post('/api/v1/verzoeken')
      .set(who)
      .send({ soort: 'inzage', identiteit: { methode: 'id-bewijs-aan-balie' }, ...body }),
  );
}
const get = async (who: Record<string, string>, id: string) =>
  seen(await request(t.app).get(`/api/v1/verzoeken/${id}`).set(who));
const move = async (who: Record<string, string>, id: string, body: Record<string, unknown>) =>
  seen(await request(t.app).post(`/api/v1/verzoeken/${id}/overgangen`).set(who).send(body));

describe('subject-rights requests', () => {
  before(async () => {
    as.fg = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    as.politieFg = await t.tokenHeaders('politie-demo', 'privacy-officer');
    as.gemeenteFg = await t.tokenHeaders('gemeente-demo', 'privacy-officer');
    as.ggzFg = await t.tokenHeaders('ggz-demo', 'privacy-officer');
    as.politie = await t.tokenHeaders('politie-demo', 'medewerker');
    as.gemeente = await t.tokenHeaders('gemeente-demo', 'medewerker');
    as.regisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    politieItemA = await supply(as.politie, bsnA, {
      categorie: 'politiegegevens',
      inhoud: 'MARKER-POLITIE-INHOUD',
      grondslag: 'wpg-art-20',
      leefgebied: 'delictgeschiedenis',
    });
    gemeenteItemA = await supply(as.gemeente, bsnA, {
      categorie: 'wonen',
      inhoud: 'Huurachterstand',
      grondslag: 'avg-6-1-e-gemeente',
    });
    itemB = await supply(as.gemeente, bsnB, { categorie: 'wonen', inhoud: 'Schuld', grondslag: 'avg-6-1-e-gemeente' });
  });

  describe('registering', () => {
    it('registers a request by BSN, answers with its deadline and points at it without the BSN', async () => {
      const res = await register(as.fg, { bsn: bsnA, toelichting: 'MARKER-TOELICHTING' });
      assert.equal(res.status, 201, res.text);
      assert.match(res.headers.location!, /^\/api\/v1\/verzoeken\/[0-9a-f-]{36}$/);
      assert.equal(res.body.status, 'ontvangen');
      assert.equal(res.body.ontvangstdatum, amsterdamDatum(t.clock.now()));
      assert.equal(res.body.bepalendRegime, 'AVG', 'one month (AVG) comes before six weeks (Wpg)');
      const full = await get(as.fg, res.body.id);
      assert.equal(full.status, 200, full.text);
      assert.deepEqual(full.body.termijn.perRegime.map((p: { regime: string }) => p.regime).sort(), ['AVG', 'Wpg']);
      const wpg = full.body.termijn.perRegime.find((p: { regime: string }) => p.regime === 'Wpg');
      assert.deepEqual(wpg.terugkijkperiode.jaren, 4);
      assert.match(wpg.artikel, /Wpg art\. 25/);
      assert.equal(full.body.toelichting, 'MARKER-TOELICHTING');
      assert.deepEqual(full.body.identiteit.methode, 'id-bewijs-aan-balie');
      assert.deepEqual(
        full.body.geschiedenis.map((g: { soort: string }) => g.soort),
        ['registratie'],
      );
    });

    it('registers a request about an unknown person all the same, under the AVG', async () => {
      const res = await register(as.fg, { bsn: bsnOnbekend, soort: 'wissing' });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.bepalendRegime, 'AVG');
    });

    it('stores the BSN only as a keyed pseudonym and the free text only encrypted', async () => {
      const rows = JSON.stringify(await t.db.store.db.rechtenverzoek.findMany());
      assert.doesNotMatch(rows, new RegExp(`${bsnA}|${bsnOnbekend}|MARKER-TOELICHTING`));
    });

    it('refuses a BSN failing the elfproef, an unknown kind, an ID-document copy and a future receipt date', async () => {
      const bad = await register(as.fg, { bsn: '123456780' });
      assertProblem(bad, 400, 'invalid-request');
      assert.deepEqual(
        bad.body.invalidParams.map((p: { name: string }) => p.name),
        ['/bsn'],
      );
      assertProblem(await register(as.fg, { bsn: bsnA, soort: 'klacht' }), 400, 'invalid-request');
      assertProblem(
        await register(as.fg, { bsn: bsnA, kopieIdBewijs: 'data:image/png;base64,AAAA' }),
        400,
        'invalid-request',
      );
      assertProblem(
        await register(as.fg, { bsn: bsnA, identiteit: { methode: 'digid', scan: 'AAAA' } }),
        400,
        'invalid-request',
      );
      const future = await register(as.fg, { bsn: bsnA, ontvangstdatum: '2999-01-01' });
      assertProblem(future, 400, 'invalid-request');
      assert.equal(future.body.invalidParams[0].name, '/ontvangstdatum');
    });

    it('keeps the items and the desired correction of a rectification request, encrypted', async () => {
      const res = await register(as.fg, {
        bsn: bsnA,
        soort: 'rectificatie',
        rectificatie: { items: [politieItemA], gewensteCorrectie: 'MARKER-CORRECTIE' },
      });
      assert.equal(res.status, 201, res.text);
      const full = await get(as.fg, res.body.id);
      assert.deepEqual(full.body.rectificatie, { items: [politieItemA], gewensteCorrectie: 'MARKER-CORRECTIE' });
      assert.doesNotMatch(JSON.stringify(await t.db.store.db.rechtenverzoek.findMany()), /MARKER-CORRECTIE/);
      const wrongKind = await register(as.fg, { bsn: bsnA, rectificatie: { items: ['x'], gewensteCorrectie: 'y' } });
      assertProblem(wrongKind, 400, 'invalid-request');
      assert.equal(wrongKind.body.invalidParams[0].name, '/rectificatie');
    });

    it('recomputes the regimes and deadline when data about the person arrived after registration', async () => {
      const { body } = await register(as.fg, { bsn: bsnLater });
      assert.equal(body.bepalendRegime, 'AVG');
      await supply(as.politie, bsnLater, {
        categorie: 'politiegegevens',
        inhoud: 'Later',
        grondslag: 'wpg-art-20',
        leefgebied: 'delictgeschiedenis',
      });
      const before = await get(as.fg, body.id);
      assert.deepEqual(
        before.body.termijn.perRegime.map((p: { regime: string }) => p.regime),
        ['AVG'],
      );
      const res = seen(await request(t.app).post(`/api/v1/verzoeken/${body.id}/termijnberekeningen`).set(as.fg));
      assert.equal(res.status, 204, res.text);
      const after = await get(as.fg, body.id);
      assert.deepEqual(
        after.body.termijn.perRegime.map((p: { regime: string }) => p.regime),
        ['Wpg'],
      );
      assert.equal(
        (await get(as.politieFg, body.id)).status,
        200,
        'the police officer now sees it: it concerns its data',
      );
    });

    it('takes the receipt date in Amsterdam: 23:30 UTC on 31 January is 1 February', async () => {
      const real = t.clock.now();
      // Forward, not back: the test certificates are not valid before today.
      t.clock.set(new Date(`${real.getUTCFullYear() + 1}-01-31T23:30:00Z`));
      try {
        const res = await register(await t.tokenHeaders('zvh-demo', 'privacy-officer'), { bsn: bsnOnbekend });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.body.ontvangstdatum, `${real.getUTCFullYear() + 1}-02-01`);
      } finally {
        t.clock.set(real);
      }
    });

    it('counts the deadline from the date the request reached a partner’s desk', async () => {
      const res = await register(as.fg, { bsn: bsnOnbekend, ontvangstdatum: '2026-01-31' });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.uiterlijk, '2026-03-02', '28 February 2026 is a Saturday');
    });
  });

  describe('the lifecycle', () => {
    it('moves ontvangen → in-behandeling → afgehandeld, recording who, when and why', async () => {
      const { body } = await register(as.fg, { bsn: bsnA });
      const start = await move(as.fg, body.id, { naar: 'in-behandeling', reden: 'Opgepakt', behandelaar: 'fg-1' });
      assert.equal(start.status, 204, start.text);
      const done = await move(as.fg, body.id, {
        naar: 'afgehandeld',
        reden: 'Rapport verstuurd',
        uitkomst: { code: 'toegewezen', toelichting: 'MARKER-UITKOMST' },
      });
      assert.equal(done.status, 204, done.text);
      const full = await get(as.fg, body.id);
      assert.equal(full.body.status, 'afgehandeld');
      assert.equal(full.body.behandelaar, 'fg-1');
      assert.deepEqual(full.body.uitkomst, { code: 'toegewezen', toelichting: 'MARKER-UITKOMST' });
      assert.deepEqual(
        full.body.geschiedenis.map((g: { soort: string; naar?: string; reden?: string }) => [g.soort, g.naar, g.reden]),
        [
          ['registratie', 'ontvangen', undefined],
          ['overgang', 'in-behandeling', 'Opgepakt'],
          ['overgang', 'afgehandeld', 'Rapport verstuurd'],
        ],
      );
      assert.equal(full.body.geschiedenis[1].door.actor.length > 0, true);
      const audit = await t.db.store.db.auditEvent.findMany({ where: { soort: 'rechtenverzoek' } });
      assert.ok(
        audit.some((a) => a.reden === 'status-afgehandeld' && a.details === JSON.stringify({ verzoek: body.id })),
        'the audit trail has the transition, by id only',
      );
    });

    it('refuses an illegal transition with a conflict naming the allowed ones', async () => {
      const { body } = await register(as.fg, { bsn: bsnA });
      await move(as.fg, body.id, { naar: 'ingetrokken', reden: 'Ingetrokken door verzoeker' });
      const res = await move(as.fg, body.id, { naar: 'in-behandeling', reden: 'x' });
      assertProblem(res, 409, 'conflict');
      assert.match(res.body.detail, /geen \(afgesloten\)/);
      const open = await register(as.fg, { bsn: bsnA });
      await move(as.fg, open.body.id, { naar: 'in-behandeling', reden: 'x' });
      const again = await move(as.fg, open.body.id, { naar: 'in-behandeling', reden: 'x' });
      assertProblem(again, 409, 'conflict');
      assert.match(again.body.detail, /afgehandeld, geweigerd, ingetrokken/);
    });

    it('refuses a request as a whole only with a ground, and closes it with that code', async () => {
      const { body } = await register(as.fg, { bsn: bsnA });
      assertProblem(await move(as.fg, body.id, { naar: 'geweigerd', reden: 'x' }), 400, 'invalid-request');
      assertProblem(
        await move(as.fg, body.id, { naar: 'geweigerd', reden: 'x', grond: 'ONZIN' }),
        400,
        'invalid-request',
      );
      assertProblem(await move(as.fg, body.id, { naar: 'afgehandeld', reden: 'x' }), 400, 'invalid-request');
      const ok = await move(as.fg, body.id, {
        naar: 'geweigerd',
        reden: 'Vijfde verzoek deze maand',
        grond: 'KENNELIJK_ONGEGROND_BUITENSPORIG',
      });
      assert.equal(ok.status, 204, ok.text);
      assert.deepEqual((await get(as.fg, body.id)).body.uitkomst, { code: 'KENNELIJK_ONGEGROND_BUITENSPORIG' });
    });
  });

  describe('extending the term', () => {
    const extend = async (id: string, body: Record<string, unknown>) =>
      seen(await request(t.app).post(`/api/v1/verzoeken/${id}/verlengingen`).set(as.fg).send(body));

    it('extends by at most two months with a reason, once', async () => {
      const { body } = await register(as.fg, { bsn: bsnOnbekend, ontvangstdatum: daysAgo(3) });
      assertProblem(await extend(body.id, { maanden: 3, reden: 'Complex' }), 400, 'invalid-request');
      assertProblem(await extend(body.id, { maanden: 2, reden: ' ' }), 400, 'invalid-request');
      const ok = await extend(body.id, { maanden: 2, reden: 'Veel bronnen' });
      assert.equal(ok.status, 204, ok.text);
      const full = await get(as.fg, body.id);
      assert.equal(full.body.status, 'verlengd');
      assert.equal(full.body.termijn.verlengingMaanden, 2);
      assert.ok(full.body.uiterlijk > body.uiterlijk, 'the deadline moved');
      assertProblem(await extend(body.id, { maanden: 1, reden: 'Nog eens' }), 409, 'conflict');
    });

    it('refuses an extension after the first month', async () => {
      const { body } = await register(as.fg, { bsn: bsnOnbekend, ontvangstdatum: daysAgo(40) });
      const res = await extend(body.id, { maanden: 1, reden: 'Te laat' });
      assertProblem(res, 409, 'conflict');
      assert.match(res.body.detail, /binnen de eerste termijn/);
    });
  });

  describe('withheld items', () => {
    const withhold = async (who: Record<string, string>, id: string, body: Record<string, unknown>) =>
      seen(await request(t.app).post(`/api/v1/verzoeken/${id}/weglatingen`).set(who).send(body));

    it('withholds an item of the person on a ground, with the default from the table, and withdraws it with a reason', async () => {
      const { body } = await register(as.fg, { bsn: bsnA });
      const res = await withhold(as.fg, body.id, {
        item: politieItemA,
        grond: 'WPG_27_ONDERZOEK',
        toelichting: 'Lopend',
      });
      assert.equal(res.status, 201, res.text);
      const full = await get(as.fg, body.id);
      assert.deepEqual(full.body.weglatingen, [
        {
          id: res.body.id,
          itemId: politieItemA,
          grond: 'WPG_27_ONDERZOEK',
          label: full.body.weglatingen[0].label,
          artikel: 'Wpg art. 27 lid 1 onder a en b',
          vermelden: false,
          toelichting: 'Lopend',
        },
      ]);
      const gone = seen(
        await request(t.app)
          .delete(`/api/v1/verzoeken/${body.id}/weglatingen/${res.body.id}`)
          .set(as.fg)
          .send({ reden: 'Onderzoek afgerond' }),
      );
      assert.equal(gone.status, 204, gone.text);
      const after = await get(as.fg, body.id);
      assert.deepEqual(after.body.weglatingen, []);
      assert.deepEqual(
        after.body.geschiedenis.map((g: { soort: string }) => g.soort),
        ['registratie', 'weglating', 'weglating-ingetrokken'],
      );
    });

    it('gives the report builder the active withholdings and the integrator the person’s records', async () => {
      const { body } = await register(as.fg, { bsn: bsnA });
      await withhold(as.fg, body.id, { item: politieItemA, grond: 'AVG_15_4_RECHTEN_ANDEREN', vermelden: false });
      const deps = { store: t.db.store, dp: t.dataProtection };
      const list = await weglatingenVan(deps, body.id);
      assert.deepEqual(
        list.map(({ itemId, grond, artikel, vermelden }) => ({ itemId, grond, artikel, vermelden })),
        [{ itemId: politieItemA, grond: 'AVG_15_4_RECHTEN_ANDEREN', artikel: 'AVG art. 15 lid 4', vermelden: false }],
      );
      const records = await betrokkenenVanVerzoek(deps, body.id);
      const items = await t.db.store.db.informatieItem.findMany({
        where: { id: { in: [politieItemA, gemeenteItemA] } },
      });
      assert.ok(records.length >= 1);
      for (const i of items) assert.ok(records.includes(i.betrokkeneId!), 'every item of the person is on its records');
      const unknown = await register(as.fg, { bsn: bsnOnbekend });
      assert.deepEqual(await betrokkenenVanVerzoek(deps, unknown.body.id), []);
    });

    it('refuses an item of another person, an unknown ground, and any change after the request closed', async () => {
      const { body } = await register(as.fg, { bsn: bsnA });
      const other = await withhold(as.fg, body.id, { item: itemB, grond: 'WPG_27_DERDEN' });
      assertProblem(other, 400, 'invalid-request');
      assert.equal(other.body.invalidParams[0].name, '/item');
      assertProblem(await withhold(as.fg, body.id, { item: politieItemA, grond: 'ONZIN' }), 400, 'invalid-request');
      await move(as.fg, body.id, { naar: 'ingetrokken', reden: 'x' });
      assertProblem(await withhold(as.fg, body.id, { item: politieItemA, grond: 'WPG_27_DERDEN' }), 409, 'conflict');
    });

    it('numbers the history without gaps or doubles when items are withheld at the same time', async () => {
      const { body } = await register(as.fg, { bsn: bsnA });
      const results = await Promise.all(
        Array.from({ length: 5 }, () => withhold(as.fg, body.id, { item: politieItemA, grond: 'WPG_27_DERDEN' })),
      );
      const statuses = results.map((a) => a.status);
      assert.ok(
        statuses.every((s) => s === 201 || s === 409),
        `each is withheld or refused as a conflict: ${statuses}`,
      );
      const full = await get(as.fg, body.id);
      const numbers = full.body.geschiedenis.map((g: { volgnummer: number }) => g.volgnummer);
      assert.deepEqual(
        numbers,
        Array.from({ length: numbers.length }, (_, i) => i + 1),
      );
      assert.equal(full.body.weglatingen.length, statuses.filter((s) => s === 201).length);
    });

    it('lets only the ZVH’s privacy officer withhold', async () => {
      const { body } = await register(as.fg, { bsn: bsnA });
      assertProblem(
        await withhold(as.politieFg, body.id, { item: politieItemA, grond: 'WPG_27_DERDEN' }),
        403,
        'forbidden',
      );
    });

    it('lists the grounds with their articles', async () => {
      const res = seen(await request(t.app).get('/api/v1/weigeringsgronden').set(as.politieFg));
      assert.equal(res.status, 200, res.text);
      const codes = res.body.gronden.map((g: { code: string }) => g.code);
      for (const code of ['WPG_27_ONDERZOEK', 'WPG_27_DERDEN', 'AVG_23_ONDERZOEK', 'AVG_15_4_RECHTEN_ANDEREN'])
        assert.ok(codes.includes(code), `${code} is listed`);
    });
  });

  describe('deadline watch', () => {
    it('lists overdue requests first, then those due soon', async () => {
      const overdue = await register(as.fg, { bsn: bsnOnbekend, ontvangstdatum: daysAgo(60) });
      const res = seen(await request(t.app).get('/api/v1/verzoeken/termijnen?binnen=366').set(as.fg));
      assert.equal(res.status, 200, res.text);
      assert.ok(res.body.verzoeken.length >= 2);
      const entry = res.body.verzoeken.find((v: { id: string }) => v.id === overdue.body.id);
      assert.equal(entry.verlopen, true);
      assert.ok(entry.dagenOver < 0);
      assert.equal(res.body.verzoeken[0].verlopen, true, 'overdue requests come first');
      assert.ok(
        res.body.verzoeken.every(
          (v: { status: string }) => !['afgehandeld', 'geweigerd', 'ingetrokken'].includes(v.status),
        ),
        'closed requests are not watched',
      );
      const days = res.body.verzoeken.map((v: { dagenOver: number }) => v.dagenOver);
      assert.deepEqual(
        days,
        [...days].sort((a: number, b: number) => a - b),
      );
      const narrow = seen(await request(t.app).get('/api/v1/verzoeken/termijnen?binnen=0').set(as.fg));
      assert.ok(narrow.body.verzoeken.every((v: { dagenOver: number }) => v.dagenOver <= 0));
    });
  });

  describe('who sees which request', () => {
    let aboutA: string;
    let gemeenteDesk: string;
    before(async () => {
      aboutA = (await register(as.fg, { bsn: bsnA, toelichting: 'MARKER-ZVH' })).body.id;
      for (const item of [politieItemA, gemeenteItemA])
        await request(t.app)
          .post(`/api/v1/verzoeken/${aboutA}/weglatingen`)
          .set(as.fg)
          .send({ item, grond: 'AVG_15_4_RECHTEN_ANDEREN' })
          .expect(201);
      gemeenteDesk = (
        await register(as.gemeenteFg, {
          bsn: bsnB,
          identiteit: { methode: 'bekend-bij-partner' },
          toelichting: 'MARKER-GEMEENTE-BALIE',
        })
      ).body.id;
    });

    it('lets a partner’s officer register at its desk and see its own request in full', async () => {
      const own = await get(as.gemeenteFg, gemeenteDesk);
      assert.equal(own.status, 200, own.text);
      assert.equal(own.body.toelichting, 'MARKER-GEMEENTE-BALIE');
      assert.equal(own.body.geregistreerd.partner, 'gemeente-demo');
      assert.equal((await get(as.fg, gemeenteDesk)).status, 200, 'the ZVH sees it too');
    });

    it('shows a partner’s officer a request about its data with its own regime only, nothing of other partners', async () => {
      const res = await get(as.politieFg, aboutA);
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(
        res.body.termijn.perRegime.map((p: { regime: string }) => p.regime),
        ['Wpg'],
      );
      assert.equal(res.body.geregistreerd, undefined);
      assert.equal(res.body.toelichting, undefined);
      assert.deepEqual(
        res.body.weglatingen.map((w: { itemId: string }) => w.itemId),
        [politieItemA],
        'only the withheld item the police supplied',
      );
      assert.deepEqual(
        res.body.geschiedenis.map((g: { soort: string }) => g.soort),
        ['registratie'],
        'no trace of withholding other partners’ items',
      );
      assert.doesNotMatch(res.text, new RegExp(`gemeente|MARKER-ZVH|zvh-demo|${gemeenteItemA}`));
      assert.equal((await get(as.fg, aboutA)).body.weglatingen.length, 2, 'the ZVH sees both');
      const list = seen(await request(t.app).get('/api/v1/verzoeken').set(as.politieFg));
      const ids = list.body.verzoeken.map((v: { id: string }) => v.id);
      assert.ok(ids.includes(aboutA));
      assert.ok(!ids.includes(gemeenteDesk), 'not a request about someone the police supplied nothing on');
    });

    it('watches deadlines within the same scope', async () => {
      const mine = seen(await request(t.app).get('/api/v1/verzoeken').set(as.politieFg));
      const watch = seen(await request(t.app).get('/api/v1/verzoeken/termijnen?binnen=366').set(as.politieFg));
      assert.equal(watch.status, 200, watch.text);
      const allowed = new Set(mine.body.verzoeken.map((v: { id: string }) => v.id));
      assert.ok(watch.body.verzoeken.length > 0);
      assert.ok(watch.body.verzoeken.every((v: { id: string }) => allowed.has(v.id)));
      assert.ok(watch.body.verzoeken.every((v: { bepalendRegime: string }) => v.bepalendRegime === 'Wpg'));
    });

    it('answers 404 for a request of another partner, exactly as for a missing one', async () => {
      const other = await get(as.politieFg, gemeenteDesk);
      const missing = await get(as.politieFg, '00000000-0000-4000-8000-000000000000');
      assertProblem(other, 404, 'not-found');
      assert.deepEqual({ ...other.body, instance: undefined }, { ...missing.body, instance: undefined });
      assertProblem(await get(as.ggzFg, aboutA), 404, 'not-found');
      const list = seen(await request(t.app).get('/api/v1/verzoeken').set(as.ggzFg));
      assert.deepEqual(list.body.verzoeken, []);
    });

    it('refuses staff without the privacy-officer role, partners’ officers changing state, and callers without credentials', async () => {
      assertProblem(seen(await request(t.app).get('/api/v1/verzoeken').set(as.politie)), 403, 'forbidden');
      assertProblem(seen(await request(t.app).get('/api/v1/verzoeken').set(as.regisseur)), 403, 'forbidden');
      assertProblem(await register(as.regisseur, { bsn: bsnA }), 403, 'forbidden');
      assertProblem(await move(as.politieFg, aboutA, { naar: 'in-behandeling', reden: 'x' }), 403, 'forbidden');
      assertProblem(seen(await request(t.app).get('/api/v1/verzoeken')), 401, 'unauthenticated');
    });
  });

  after(async () => {
    // Runs before the app's own teardown (registered first), while the database is still open.
    const marker = new RegExp(`${bsnA}|${bsnB}|${bsnOnbekend}|${bsnLater}`);
    for (const text of answers) assert.doesNotMatch(text, marker, 'no answer or header carries a BSN');
    assert.doesNotMatch(t.logLines().join('\n'), marker, 'no log line carries a BSN');
    const audit = JSON.stringify(await t.db.store.db.auditEvent.findMany());
    assert.doesNotMatch(audit, marker, 'no audit row carries a BSN');
  });
});
