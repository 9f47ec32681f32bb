import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import request from 'supertest';
import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';
import { decide } from '../../policies/engine/decide.js';
import { mayLearnInvolvement } from '../../policies/engine/may-learn-involvement.js';
import { purposeVerdict } from '../../policies/engine/purpose-verdict.js';
import type { Fase } from '../../policies/taxonomy/fasen.js';
import { demoPartners } from '../../gateway/bootstrap/demo-partners.js';
import { testBsn } from '../support/bsn.js';
import { useTestApp } from '../support/test-app.js';

/**
 * The nosy-partner test of issue #13. One household (mother, her new partner, two children, a
 * grandmother) is referred by the police; every partner that takes part supplies every category the
 * covenant lets it supply, each field with a unique marker. Then every partner asks every view for every
 * purpose, and the markers found anywhere in the answer (body and headers) must be exactly those the
 * covenant's own decide() allows — no more (a leak), no fewer (a wrong refusal). Withheld categories are
 * never named; a purpose closed to a partner is a 403; the verwijsindex and the log views are checked the
 * same way.
 */
const t = useTestApp();

const MARKER = /MK\d{3}Q/g;
let counter = 0;
const marker = () => `MK${String(++counter).padStart(3, '0')}Q`;

interface Piece {
  marker: string;
  bron: string;
  categorie: string;
  /** Free text also carries these categories (as its supplier classified it): each must be allowed too. */
  ook?: string[];
  /** The field the marker sits in: masking is per field. */
  veld: string;
  /** The person the data is about, when it is about one. */
  persoon?: string;
  view: 'casus' | 'betrokkenen' | 'systeem' | 'informatie';
}

const pieces: Piece[] = [];
const soortOf = new Map(demoPartners.map((p) => [p.id, p.soort]));
const ref = (id: string) => ({ id, soort: soortOf.get(id)! });

const household = ['moeder', 'partner', 'kind1', 'kind2', 'oma'] as const;
const bsnOf: Record<string, string | undefined> = {
  moeder: testBsn(301),
  partner: testBsn(302),
  kind1: testBsn(303),
  kind2: undefined,
  oma: undefined,
};
const betrokkeneId = new Map<string, string>();

/** Every partner that takes part in the casus; rvdk-demo deliberately does not. */
const participants = demoPartners.map((p) => p.id).filter((id) => id !== 'rvdk-demo');
/** Fields a supplier fills for an item of each kind: the names the covenant's masking rules use. */
const fieldsFor = (categorie: string): string[] => {
  if (['politiegegevens', 'justitiele-gegevens', 'reclasseringstoezicht'].includes(categorie))
    return ['samenvatting', 'registratienummer'];
  if (categorie === 'detentie') return ['samenvatting', 'delict'];
  if (['psychische-gezondheid', 'verslaving', 'gezondheid'].includes(categorie))
    return ['zorgaanbieder', 'diagnose', 'behandeling'];
  return ['toelichting'];
};

let casusId = '';
let fase: Fase = 'aanmelding';
let codeRood = false;
let covenant: CompiledCovenant;

async function headers(partnerId: string, rol = 'medewerker') {
  return t.tokenHeaders(partnerId, rol);
}

/** The markers a recipient may see in a view for a purpose, from the covenant's own decisions. */
function allowed(recipient: string, doel: string, view: Piece['view']): Set<string> {
  const out = new Set<string>();
  for (const piece of pieces.filter((p) => p.view === view)) {
    const decisions = decide(covenant, {
      actie: 'verstrekken',
      partner: ref(recipient),
      bron: ref(piece.bron),
      categorieen: [piece.categorie, ...(piece.ook ?? [])],
      doel,
      fase,
      deelnemer: true,
      codeRood,
    }).perCategory;
    if (decisions.every((d) => d.effect === 'permit' && !d.maskering.includes(piece.veld))) out.add(piece.marker);
  }
  return out;
}

/** Every marker (and BSN) that appears anywhere in an answer. */
function found(res: request.Response): Set<string> {
  const text = `${res.text}\n${JSON.stringify(res.headers)}`;
  const out = new Set(text.match(MARKER) ?? []);
  for (const piece of pieces) if (!piece.marker.startsWith('MK') && text.includes(piece.marker)) out.add(piece.marker);
  return out;
}

const sorted = (s: Set<string>) => [...s].sort();

describe('purpose limitation: every byte a partner receives is one the covenant allows', () => {
  before(async () => {
    covenant = t.covenants.current()!;
    const politie = await headers('politie-demo');
    const regisseur = await headers('zvh-demo', 'procesregisseur');
    const voornaam = Object.fromEntries(household.map((h) => [h, marker()]));
    const reden = marker();
    const res = await request(t.app)
      .post('/api/v1/aanmeldingen')
      .set(politie)
      .send({
        soort: 'systeem',
        gemeente: 'Demostad',
        reden: `Huiselijk geweld, drugshandel en GGZ-opname ${reden}`,
        // The supplier classifies its free text: the reason names what these categories hold.
        redenCategorieen: ['huiselijk-geweld', 'politiegegevens', 'psychische-gezondheid'],
        leefgebieden: ['relaties-partner-gezin-familie', 'druggebruik'],
        betrokkenen: household.map((h, i) => ({
          ref: h,
          voornamen: voornaam[h],
          achternaam: 'Lekkerkerker',
          geboortedatum: `19${60 + i * 9}-0${1 + i}-1${i}`,
          ...(bsnOf[h] ? { bsn: bsnOf[h] } : {}),
          rol: h === 'moeder' ? 'hoofdpersoon' : 'systeemlid',
        })),
        relaties: [
          { van: 'moeder', naar: 'partner', soort: 'partner' },
          { van: 'moeder', naar: 'kind1', soort: 'ouder' },
          { van: 'moeder', naar: 'kind2', soort: 'ouder' },
          { van: 'oma', naar: 'moeder', soort: 'ouder' },
        ],
      });
    assert.equal(res.status, 201, `the referral is accepted: ${res.text}`);
    casusId = res.body.casus;
    for (const k of res.body.betrokkenen as { ref: string; betrokkene: string }[])
      betrokkeneId.set(k.ref, k.betrokkene);
    pieces.push({
      marker: reden,
      bron: 'politie-demo',
      categorie: 'aanmelding',
      ook: ['huiselijk-geweld', 'politiegegevens', 'psychische-gezondheid'],
      veld: 'reden',
      view: 'casus',
    });
    for (const h of household) {
      const persoon = betrokkeneId.get(h)!;
      pieces.push({
        marker: voornaam[h]!,
        bron: 'politie-demo',
        categorie: 'identificatie',
        veld: 'voornamen',
        persoon,
        view: 'betrokkenen',
      });
      const bsn = bsnOf[h];
      if (bsn)
        pieces.push({ marker: bsn, bron: 'politie-demo', categorie: 'bsn', veld: 'bsn', persoon, view: 'betrokkenen' });
    }
    for (const partner of participants.filter((p) => p !== 'politie-demo' && p !== 'zvh-demo')) {
      const r = await request(t.app).post(`/api/v1/casussen/${casusId}/deelnemers`).set(regisseur).send({ partner });
      assert.equal(r.status, 201, `the regisseur invites ${partner}: ${r.text}`);
    }
    const motivering = marker();
    const besluit = await request(t.app)
      .post(`/api/v1/casussen/${casusId}/triagebesluit`)
      .set(regisseur)
      .send({
        uitkomst: 'procesregie',
        motivering: `Moeder in GGZ-behandeling, partner dealt ${motivering}`,
        motiveringCategorieen: ['psychische-gezondheid', 'politiegegevens'],
      });
    assert.equal(besluit.status, 201, `the triage decision is recorded: ${besluit.text}`);
    pieces.push({
      marker: motivering,
      bron: 'zvh-demo',
      categorie: 'triage-uitkomst',
      ook: ['psychische-gezondheid', 'politiegegevens'],
      veld: 'motivering',
      view: 'casus',
    });
    const facts = await request(t.app).get(`/api/v1/casussen/${casusId}`).query({ doel: 'procesregie' }).set(regisseur);
    assert.equal(facts.status, 200, `the regisseur reads the casus: ${facts.text}`);
    fase = facts.body.aanmelding?.fase ?? fase;
    codeRood = facts.body.aanmelding?.codeRood ?? false;
    await supplyEverything();
  });

  /** Each participant supplies every category it may, about the mother and the partner, one marker per field. */
  async function supplyEverything() {
    const leaves = [...covenant.categories.values()].filter(
      (c) => ![...covenant.categories.values()].some((x) => x.ouder === c.key),
    );
    for (const supplier of participants) {
      const items: Record<string, unknown>[] = [];
      let doelUsed: string | undefined;
      for (const cat of leaves) {
        if (['bsn', 'betrokkenheid', 'identificatie', 'systeem'].includes(cat.key)) continue;
        const doel = [...covenant.purposes.keys()].find(
          (d) =>
            (doelUsed === undefined || d === doelUsed) &&
            decide(covenant, {
              actie: 'aanleveren',
              partner: ref(supplier),
              categorieen: [cat.key],
              doel: d,
              fase,
              deelnemer: true,
              codeRood,
            }).result === 'permit',
        );
        if (!doel) continue;
        doelUsed = doel;
        const grondslag = decide(covenant, {
          actie: 'aanleveren',
          partner: ref(supplier),
          categorieen: [cat.key],
          doel,
          fase,
          deelnemer: true,
          codeRood,
        }).perCategory[0]!.grondslag!;
        for (const who of ['moeder', 'partner']) {
          const persoon = betrokkeneId.get(who)!;
          const velden: Record<string, string> = {};
          for (const veld of fieldsFor(cat.key)) {
            const m = marker();
            velden[veld] = `${veld} ${m}`;
            pieces.push({ marker: m, bron: supplier, categorie: cat.key, veld, persoon, view: 'informatie' });
          }
          const inhoud = marker();
          pieces.push({
            marker: inhoud,
            bron: supplier,
            categorie: cat.key,
            veld: 'inhoud',
            persoon,
            view: 'informatie',
          });
          items.push({ categorie: cat.key, betrokkene: persoon, inhoud: `Melding ${inhoud}`, velden, grondslag });
        }
      }
      if (items.length === 0 || !doelUsed) continue;
      const res = await request(t.app)
        .post(`/api/v1/casussen/${casusId}/informatie`)
        .set(await headers(supplier))
        .send({ doel: doelUsed, items });
      assert.equal(res.status, 201, `${supplier} supplies ${items.length} items for ${doelUsed}: ${res.text}`);
    }
  }

  const views = ['casus', 'betrokkenen', 'systeem', 'informatie'] as const;
  const path = (view: (typeof views)[number]) =>
    view === 'casus' ? `/api/v1/casussen/${casusId}` : `/api/v1/casussen/${casusId}/${view}`;

  for (const recipient of demoPartners.map((p) => p.id)) {
    it(`${recipient}: for every doel and view, exactly the markers the covenant allows, and nothing about what was withheld`, async () => {
      const h = await headers(recipient);
      for (const doel of covenant.purposes.keys()) {
        const verdict = purposeVerdict(covenant, 'verstrekken', ref(recipient), doel);
        for (const view of views) {
          const res = await request(t.app).get(path(view)).query({ doel }).set(h);
          const where = `${recipient} ${view} doel=${doel}`;
          assert.equal(res.status < 500, true, `${where}: no server error (${res.status})`);
          if (!participants.includes(recipient)) {
            assert.equal(res.status, verdict.toegestaan ? 404 : 403, `${where}: a non-participant gets nothing`);
            assert.deepEqual(sorted(found(res)), [], `${where}: no marker for a non-participant`);
            continue;
          }
          if (!verdict.toegestaan) {
            assert.equal(res.status, 403, `${where}: a purpose closed to the partner is a 403 (${res.text})`);
            assert.equal(res.type, 'application/problem+json', `${where}: as a problem`);
            assert.deepEqual(sorted(found(res)), [], `${where}: a refusal carries no marker`);
            continue;
          }
          assert.equal(res.status, 200, `${where}: ${res.text}`);
          assert.deepEqual(sorted(found(res)), sorted(allowed(recipient, doel, view)), `${where}: markers`);
          const shown = new Set(
            pieces.filter((p) => p.view === view && found(res).has(p.marker)).map((p) => p.categorie),
          );
          for (const hidden of new Set(
            pieces.filter((p) => p.view === view && !shown.has(p.categorie)).map((p) => p.categorie),
          )) {
            assert.equal(
              res.text.includes(`"${hidden}"`),
              false,
              `${where}: withheld category ${hidden} is never named`,
            );
          }
        }
      }
    });
  }

  it('the verwijsindex names, per person, exactly the suppliers whose involvement the asker may learn', async () => {
    for (const asker of participants) {
      for (const doel of ['triage', 'casusoverleg']) {
        for (const who of ['moeder', 'kind1']) {
          const persoon = betrokkeneId.get(who)!;
          const res = await request(t.app)
            .post('/api/v1/verwijsindex/zoekvragen')
            .set(await headers(asker))
            .send({ bsn: bsnOf[who], doel });
          const where = `${asker} asks about ${who} for ${doel}`;
          const verdict = purposeVerdict(covenant, 'verstrekken', ref(asker), doel);
          const askable = decide(covenant, {
            actie: 'verstrekken',
            partner: ref(asker),
            bron: ref('zvh-demo'),
            categorieen: ['betrokkenheid'],
            doel,
            deelnemer: false,
          });
          if (!verdict.toegestaan || askable.result === 'deny') {
            assert.equal([403, 200].includes(res.status), true, `${where}: refused or empty (${res.status})`);
            if (res.status === 200) assert.deepEqual(res.body.partners, [], `${where}: names nobody`);
            continue;
          }
          assert.equal(res.status, 200, `${where}: ${res.text}`);
          const suppliers = new Map<string, Set<string>>();
          for (const p of pieces.filter((x) => x.persoon === persoon))
            suppliers.set(p.bron, (suppliers.get(p.bron) ?? new Set()).add(p.categorie));
          const expected = [...suppliers]
            .filter(([bron]) => bron !== asker)
            .filter(([bron, cats]) =>
              mayLearnInvolvement(covenant, { asker: ref(asker), bron: ref(bron), categorieen: [...cats], doel }),
            )
            .map(([bron]) => bron)
            .sort();
          const named = (res.body.partners as { partner?: string; id?: string }[]).map((p) => p.partner ?? p.id).sort();
          assert.deepEqual(named, expected, `${where}: named partners`);
          assert.deepEqual(sorted(found(res)), [], `${where}: the verwijsindex carries no content`);
        }
      }
    }
  });

  it('a privacy officer of a partner sees only disclosures in which that partner is source or recipient', async () => {
    for (const partner of demoPartners.map((p) => p.id).filter((id) => id !== 'zvh-demo')) {
      const officer = await headers(partner, 'privacy-officer');
      const res = await request(t.app).post('/api/v1/verstrekkingslog/zoekvragen').set(officer).send({});
      assert.equal(res.status, 200, `${partner} officer searches the log: ${res.text}`);
      for (const r of res.body.regels as { regel: { ontvanger: { partner: string }; bronnen: string[] } }[]) {
        const own = r.regel.ontvanger.partner === partner || r.regel.bronnen.includes(partner);
        assert.equal(own, true, `${partner} officer must not see ${JSON.stringify(r.regel)}`);
      }
      assert.deepEqual(sorted(found(res)), [], `${partner} officer: the log carries no content`);
    }
    const zvh = await request(t.app)
      .post('/api/v1/verstrekkingslog/zoekvragen')
      .set(await headers('zvh-demo', 'privacy-officer'))
      .send({});
    const recipients = new Set(
      (zvh.body.regels as { regel: { ontvanger: { partner: string } } }[]).map((r) => r.regel.ontvanger.partner),
    );
    assert.equal(
      recipients.size > 3,
      true,
      `the ZVH's own officer sees every partner's disclosures (${[...recipients]})`,
    );
  });

  it('a BSN search by an officer without that right does not reveal that the person is in the log', async () => {
    const woning = await headers('woningcorporatie-demo', 'privacy-officer');
    const known = await request(t.app)
      .post('/api/v1/verstrekkingslog/zoekvragen')
      .set(woning)
      .send({ bsn: bsnOf.moeder });
    const unknown = await request(t.app)
      .post('/api/v1/verstrekkingslog/zoekvragen')
      .set(woning)
      .send({ bsn: testBsn(399) });
    assert.equal(known.status, unknown.status, 'the same status for a person in the log and one who is not');
    assert.deepEqual(
      known.status === 200
        ? known.body.regels.filter(
            (r: { regel: { bronnen: string[] } }) => !r.regel.bronnen.includes('woningcorporatie-demo'),
          )
        : [],
      [],
      'no entry of another partner about this person',
    );
  });

  it('the triage proposal carries only what the regisseur may see for triage', async () => {
    const res = await request(t.app)
      .get(`/api/v1/casussen/${casusId}/triage`)
      .set(await headers('zvh-demo', 'procesregisseur'));
    assert.equal(res.status, 200, res.text);
    const mayTriage = allowed('zvh-demo', 'triage', 'informatie');
    for (const m of found(res)) assert.equal(mayTriage.has(m), true, `triage proposal shows ${m} it may not`);
  });
});
