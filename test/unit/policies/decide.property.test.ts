import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compileCovenant } from '../../../policies/covenant/compile-covenant.js';
import type { CovenantDocument, PartnerSelector, RegelDocument } from '../../../policies/covenant/covenant-schema.js';
import { decide } from '../../../policies/engine/decide.js';
import type { DecisionRequest } from '../../../policies/engine/decision.js';
import { fasen } from '../../../policies/taxonomy/fasen.js';

const soorten = ['gemeente', 'politie', 'ggz', 'zvh'] as const;
const marks = ['geen', 'geen', 'geen', 'art9', 'art10', 'bsn'] as const;

/** A forest of `n` nodes: node i's parent is an earlier node or none. */
const forest = (prefix: string, min: number, max: number) =>
  fc
    .integer({ min, max })
    .chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc
            .option(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { nil: undefined })
            .map((p) => (i === 0 || p === undefined ? undefined : `${prefix}${p}`)),
        ),
      ),
    )
    .map((parents) => parents.map((ouder, i) => ({ key: `${prefix}${i}`, ouder })));

const selector = fc.oneof(
  fc.constant<PartnerSelector>('*'),
  fc.constantFrom(...soorten).map((soort): PartnerSelector => ({ soort })),
  fc.constant<PartnerSelector>({ partner: 'politie-1' }),
);

function ruleArb(cats: string[], purposes: string[], effect?: 'permit' | 'deny') {
  return fc
    .record({
      effect: effect ? fc.constant(effect) : fc.constantFrom<'permit' | 'deny'>('permit', 'permit', 'permit', 'deny'),
      actie: fc.constantFrom<'aanleveren' | 'verstrekken'>('verstrekken', 'verstrekken', 'aanleveren'),
      leverancier: selector,
      ontvanger: selector,
      categorieen: fc.subarray(cats, { minLength: 1, maxLength: 2 }),
      toegestaneDoelen: fc.subarray(purposes, { minLength: 1, maxLength: 2 }),
      verbodenDoelen: fc.subarray(purposes, { maxLength: 1 }),
      grondslag: fc.constantFrom('g-publiek', 'g-zorg', 'g-straf'),
      deelnemer: fc.option(fc.boolean(), { nil: undefined }),
      fasen: fc.option(fc.subarray([...fasen], { minLength: 1, maxLength: 3 }), { nil: undefined }),
      codeRood: fc.option(fc.boolean(), { nil: undefined }),
      maskering: fc.subarray(['a', 'b']),
    })
    .map((r): Omit<RegelDocument, 'id'> => ({
      omschrijving: 'x',
      effect: r.effect,
      actie: r.actie,
      leverancier: r.leverancier,
      ontvanger: r.actie === 'aanleveren' ? undefined : r.ontvanger,
      categorieen: r.categorieen,
      toegestaneDoelen: r.effect === 'permit' ? r.toegestaneDoelen : [],
      verbodenDoelen: r.verbodenDoelen,
      grondslag: r.effect === 'permit' ? r.grondslag : undefined,
      voorwaarden: { deelnemer: r.deelnemer, fasen: r.fasen, codeRood: r.codeRood },
      maskering: r.maskering,
    }));
}

const covenantArb = fc
  .tuple(forest('c', 2, 7), forest('d', 2, 6), fc.array(fc.constantFrom(...marks), { minLength: 7, maxLength: 7 }))
  .chain(([cats, purposes, catMarks]) =>
    fc
      .array(
        ruleArb(
          cats.map((c) => c.key),
          purposes.map((p) => p.key),
        ),
        { minLength: 1, maxLength: 10 },
      )
      .map((rules): CovenantDocument => ({
        convenant: {
          id: 'prop',
          versie: '1',
          titel: 'p',
          geldigVanaf: '2026-01-01',
          ondertekenaars: [{ partner: 'x', namens: 'x', datum: '2026-01-01' }],
        },
        gegevenscategorieen: cats.map((c, i) => ({ ...c, omschrijving: c.key, bijzonder: catMarks[i]! })),
        doelen: purposes.map((p) => ({ ...p, omschrijving: p.key })),
        grondslagen: [
          { key: 'g-publiek', avg: '6.1.e', dekt: [] },
          { key: 'g-zorg', avg: '9.2.h', dekt: ['art9'] },
          { key: 'g-straf', avg: '10', dekt: ['art10', 'bsn'] },
        ],
        regels: rules.map((r, i) => ({ ...r, id: `r${i}` })),
      })),
  );

function requestArb(doc: CovenantDocument) {
  const partner = fc
    .constantFrom(...soorten)
    .chain((soort) => fc.constantFrom({ id: `${soort}-1`, soort }, { id: `${soort}-2`, soort }));
  return fc
    .record({
      actie: fc.constantFrom<'aanleveren' | 'verstrekken'>('verstrekken', 'aanleveren'),
      partner,
      bron: partner,
      categorieen: fc.subarray(
        doc.gegevenscategorieen.map((c) => c.key),
        { minLength: 1 },
      ),
      doel: fc.constantFrom(...doc.doelen.map((d) => d.key)),
      fase: fc.option(fc.constantFrom(...fasen), { nil: undefined }),
      deelnemer: fc.boolean(),
      codeRood: fc.boolean(),
    })
    .map((r): DecisionRequest => r);
}

const withRequest = covenantArb.chain((doc) => fc.tuple(fc.constant(doc), requestArb(doc)));

// ---- a reference evaluator written straight from the document: tree walks, no precomputed sets ----
function chain(list: { key: string; ouder?: string }[], key: string): string[] {
  const out: string[] = [];
  for (let k: string | undefined = key; k; k = list.find((x) => x.key === k)?.ouder) out.push(k);
  return out;
}
const under = (list: { key: string; ouder?: string }[], key: string, top: string) => chain(list, key).includes(top);
const selects = (s: PartnerSelector | undefined, p: { id: string; soort: string } | undefined) =>
  s === undefined || s === '*' || (!!p && ('partner' in s ? s.partner === p.id : s.soort === p.soort));

function referenceEffect(doc: CovenantDocument, req: DecisionRequest, cat: string): 'permit' | 'deny' {
  const mark =
    chain(doc.gegevenscategorieen, cat)
      .map((k) => doc.gegevenscategorieen.find((c) => c.key === k)!.bijzonder)
      .find((m) => m !== 'geen') ?? 'geen';
  const applies = (r: RegelDocument) =>
    r.actie === req.actie &&
    r.categorieen.some((c) => under(doc.gegevenscategorieen, cat, c)) &&
    selects(r.leverancier, req.actie === 'aanleveren' ? req.partner : req.bron) &&
    (req.actie === 'aanleveren' || selects(r.ontvanger, req.partner));
  const blocked = (r: RegelDocument) =>
    r.verbodenDoelen.some((v) => under(doc.doelen, req.doel, v) || under(doc.doelen, v, req.doel));
  if (doc.regels.some((r) => r.effect === 'deny' && applies(r) && (r.verbodenDoelen.length === 0 || blocked(r))))
    return 'deny';
  const granted = doc.regels.some(
    (r) =>
      r.effect === 'permit' &&
      applies(r) &&
      (!(r.voorwaarden.deelnemer ?? true) || req.deelnemer) &&
      (!r.voorwaarden.fasen || (req.fase !== undefined && r.voorwaarden.fasen.includes(req.fase))) &&
      (r.voorwaarden.codeRood === undefined || r.voorwaarden.codeRood === (req.codeRood ?? false)) &&
      !blocked(r) &&
      r.toegestaneDoelen.some((t) => under(doc.doelen, req.doel, t)) &&
      (mark === 'geen' || doc.grondslagen.find((g) => g.key === r.grondslag)!.dekt.includes(mark as never)),
  );
  return granted ? 'permit' : 'deny';
}

const permitted = (doc: CovenantDocument, req: DecisionRequest) =>
  new Set(
    decide(compileCovenant(doc, ''), req)
      .perCategory.filter((c) => c.effect !== 'deny')
      .map((c) => c.categorie),
  );

const runs = { numRuns: 400 };

describe('decide(), properties over random covenants', () => {
  it('agrees with a reference evaluator written straight from the covenant text', () => {
    fc.assert(
      fc.property(withRequest, ([doc, req]) => {
        const decision = decide(compileCovenant(doc, ''), req);
        for (const c of decision.perCategory)
          assert.equal(
            c.effect === 'deny' ? 'deny' : 'permit',
            referenceEffect(doc, req, c.categorie),
            `${c.categorie}: ${JSON.stringify(c)}`,
          );
      }),
      runs,
    );
  });

  it('permits nothing that no permit rule covers, and names only permit rules that do', () => {
    fc.assert(
      fc.property(withRequest, ([doc, req]) => {
        for (const c of decide(compileCovenant(doc, ''), req).perCategory.filter((x) => x.effect !== 'deny')) {
          assert.ok(c.matchedRules.length > 0, 'a permitted category names the rules that matched');
          for (const id of c.matchedRules) {
            const rule = doc.regels.find((r) => r.id === id)!;
            assert.equal(rule.effect, 'permit');
            assert.equal(rule.actie, req.actie);
            assert.ok(
              rule.categorieen.some((k) => under(doc.gegevenscategorieen, c.categorie, k)),
              `${id} does not cover ${c.categorie}`,
            );
          }
        }
      }),
      runs,
    );
  });

  it('never permits more after a deny rule is added', () => {
    const arb = covenantArb.chain((doc) =>
      fc.tuple(
        fc.constant(doc),
        requestArb(doc),
        ruleArb(
          doc.gegevenscategorieen.map((c) => c.key),
          doc.doelen.map((d) => d.key),
          'deny',
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([doc, req, deny]) => {
        const before = permitted(doc, req);
        const after = permitted({ ...doc, regels: [...doc.regels, { ...deny, id: 'extra-deny' }] }, req);
        for (const c of after) assert.ok(before.has(c), `${c} became permitted by adding a deny`);
      }),
      runs,
    );
  });

  it('is deterministic: the same covenant and request give the same decision, also after recompiling', () => {
    fc.assert(
      fc.property(withRequest, ([doc, req]) => {
        assert.deepEqual(
          decide(compileCovenant(doc, ''), req),
          decide(compileCovenant(structuredClone(doc), ''), { ...req }),
        );
      }),
      runs,
    );
  });

  it('follows the category tree: without deny rules or special categories, a permitted parent means permitted children', () => {
    const plain = covenantArb
      .map((doc) => ({
        ...doc,
        gegevenscategorieen: doc.gegevenscategorieen.map((c) => ({ ...c, bijzonder: 'geen' as const })),
        regels: doc.regels.filter((r) => r.effect === 'permit'),
      }))
      .filter((doc) => doc.regels.length > 0);
    fc.assert(
      fc.property(
        plain.chain((doc) => fc.tuple(fc.constant(doc), requestArb(doc))),
        ([doc, req]) => {
          const all = doc.gegevenscategorieen.map((c) => c.key);
          const result = permitted(doc, { ...req, categorieen: all });
          for (const c of doc.gegevenscategorieen) {
            if (c.ouder && result.has(c.ouder))
              assert.ok(result.has(c.key), `${c.ouder} permitted but child ${c.key} not`);
          }
        },
      ),
      runs,
    );
  });
});
