import { readFileSync } from 'node:fs';
import { newEnforcer, newModelFromString, StringAdapter } from 'casbin';
import type { CompiledCovenant } from '../../policies/covenant/compile-covenant.js';
import type { PartnerSelector } from '../../policies/covenant/covenant-schema.js';
import { loadCovenantText } from '../../policies/covenant/load-covenant-text.js';
import { decide } from '../../policies/engine/decide.js';
import type { DecisionRequest } from '../../policies/engine/decision.js';
import { fasen } from '../../policies/taxonomy/fasen.js';
import { partnerSoorten } from '../../policies/taxonomy/partner-soorten.js';
import { median, percentile, report } from './support/load.js';

/**
 * The same question to node-casbin: RBAC with a category hierarchy (g), a purpose hierarchy (g2),
 * allow and deny effects, deny wins. Casbin's model is simpler than ours (no phase, participation,
 * code-rood or legal-basis conditions, no masking), which only favours casbin in this comparison.
 */
const casbinModel = `
[request_definition]
r = sub, src, obj, act
[policy_definition]
p = sub, src, obj, act, eft
[role_definition]
g = _, _
g2 = _, _
[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))
[matchers]
m = (p.sub == "*" || r.sub == p.sub) && (p.src == "*" || r.src == p.src) && g(r.obj, p.obj) && g2(r.act, p.act)
`;

const soortOf = (s: PartnerSelector) => (s === '*' ? '*' : 'soort' in s ? s.soort : s.partner);

function casbinPolicy(c: CompiledCovenant): string {
  const lines: string[] = [];
  for (const cat of c.categories.values()) if (cat.ouder) lines.push(`g, ${cat.key}, ${cat.ouder}`);
  for (const d of c.purposes.values()) if (d.ouder) lines.push(`g2, ${d.key}, ${d.ouder}`);
  const roots = [...c.purposes.values()].filter((d) => !d.ouder).map((d) => d.key);
  for (const r of c.rules.filter((x) => x.actie === 'verstrekken')) {
    const purposes =
      r.effect === 'permit'
        ? r.source.toegestaneDoelen
        : r.source.verbodenDoelen.length
          ? r.source.verbodenDoelen
          : roots;
    for (const obj of r.source.categorieen)
      for (const act of purposes)
        lines.push(
          `p, ${soortOf(r.ontvanger)}, ${soortOf(r.leverancier)}, ${obj}, ${act}, ${r.effect === 'permit' ? 'allow' : 'deny'}`,
        );
  }
  return lines.join('\n');
}

function requests(c: CompiledCovenant, n: number): DecisionRequest[] {
  let seed = 42;
  const rnd = <T>(xs: readonly T[]) => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
  const cats = [...c.categories.keys()];
  const purposes = [...c.purposes.keys()];
  const kinds = partnerSoorten.filter((s) => s !== 'overig');
  return Array.from({ length: n }, () => {
    const soort = rnd(kinds);
    const bron = rnd(kinds);
    return {
      actie: 'verstrekken',
      partner: { id: `${soort}-1`, soort },
      bron: { id: `${bron}-1`, soort: bron },
      categorieen: [rnd(cats)],
      doel: rnd(purposes),
      fase: rnd(fasen),
      deelnemer: true,
    };
  });
}

async function timeEach(n: number, fn: (i: number) => unknown): Promise<{ perSecond: number; latenciesNs: number[] }> {
  const latenciesNs: number[] = new Array(n);
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const out = fn(i);
    if (out instanceof Promise) await out;
    latenciesNs[i] = Number(process.hrtime.bigint() - t0);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { perSecond: n / seconds, latenciesNs: latenciesNs.sort((a, b) => a - b) };
}

/** Single-category decisions per second and per-call latency, ours vs casbin's, alternating rounds. */
export async function benchCovenant(rounds = 5, n = 50_000): Promise<void> {
  const file = new URL('../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url);
  const covenant = loadCovenantText(readFileSync(file, 'utf8'), 'zvh-demo-2026.1.yaml').covenant;
  const enforcer = await newEnforcer(newModelFromString(casbinModel), new StringAdapter(casbinPolicy(covenant)));
  const reqs = requests(covenant, n);
  const ours = { rate: [] as number[], p50: [] as number[], p99: [] as number[] };
  const theirs = { rate: [] as number[], p50: [] as number[], p99: [] as number[] };
  let allowed = 0;
  const runOurs = () =>
    timeEach(n, (i) => {
      if (decide(covenant, reqs[i]!).result !== 'deny') allowed++;
    });
  let casbinAllowed = 0;
  const runCasbin = () =>
    timeEach(n, (i) => {
      const r = reqs[i]!;
      if (enforcer.enforceSync(r.partner.soort, r.bron!.soort, r.categorieen[0]!, r.doel)) casbinAllowed++;
    });
  await runOurs();
  await runCasbin();
  for (let i = 0; i < rounds; i++) {
    for (const [side, run] of [
      [ours, runOurs],
      [theirs, runCasbin],
    ] as const) {
      const r = await run();
      side.rate.push(r.perSecond);
      side.p50.push(percentile(r.latenciesNs, 50) / 1000);
      side.p99.push(percentile(r.latenciesNs, 99) / 1000);
    }
  }
  report({
    name: 'covenant-decisions',
    figures: {
      medianDecisionsPerSecond: Math.round(median(ours.rate)),
      medianP50Us: median(ours.p50),
      medianP99Us: median(ours.p99),
      rules: covenant.rules.length,
      categories: covenant.categories.size,
      decisionsPerRound: n,
      rounds,
      permittedShare: Math.round((allowed / (n * (rounds + 1))) * 100) / 100,
    },
    baseline: {
      name: 'node-casbin 5 enforceSync(), equivalent RBAC model with hierarchies',
      permittedShare: Math.round((casbinAllowed / (n * (rounds + 1))) * 100) / 100,
      medianDecisionsPerSecond: Math.round(median(theirs.rate)),
      medianP50Us: median(theirs.p50),
      medianP99Us: median(theirs.p99),
    },
    ratio: median(ours.rate) / median(theirs.rate),
  });
}
