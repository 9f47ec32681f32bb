import { cpuTicks } from './support/cpu-ticks.js';
import { seedCasus } from './support/seed-casus.js';
import { median, runLoad, type LoadResult } from './support/load.js';
import { spawnBenchServers, type BenchServers } from './support/spawn-servers.js';

/**
 * Server CPU per request, the steadier figure on a shared machine (docs/scale.md, "Profile and fixes"):
 * the bench servers in their own process, a warm-up, then rounds of the gateway (and, where there is
 * one, the bare baseline on the same server process), each with the CPU time (utime + stime from
 * /proc) that process spent. `BENCH_CPU=pull|ingest|health` (default pull), `BENCH_CPU_REQUESTS`,
 * `BENCH_CPU_ROUNDS`; with `BENCH_PROF` the servers write a CPU profile (gateway-only windows for
 * ingest). Prints one JSON line per round and one with the medians.
 */
const mode = process.env.BENCH_CPU ?? 'pull';
const requests = Number(process.env.BENCH_CPU_REQUESTS ?? 600);
const rounds = Number(process.env.BENCH_CPU_ROUNDS ?? 3);

type Side = (n: number) => Promise<LoadResult>;

async function sides(s: BenchServers): Promise<{ gateway: Side; bare?: Side }> {
  const tls = { ca: s.ca, cert: s.partnerCert('politie-demo'), key: s.partnerKey('politie-demo') };
  if (mode === 'health') {
    const common = { ca: s.ca, concurrency: 16, keepAlive: true };
    return {
      gateway: (n) => runLoad({ ...common, requests: n, url: `${s.gatewayUrl}/health` }),
      bare: (n) => runLoad({ ...common, requests: n, url: `${s.bareUrl}/health` }),
    };
  }
  const { casus, items, post } = await seedCasus(s.gatewayUrl, tls, 'cpu');
  const common = { ...tls, concurrency: 8, keepAlive: true };
  if (mode === 'ingest') {
    const body = JSON.stringify({ doel: 'triage', items: items(20) });
    const url = `${s.gatewayUrl}/casussen/${casus}/informatie`;
    return { gateway: (n) => runLoad({ ...common, requests: n, method: 'POST', body: () => body, url }) };
  }
  const added = await post(`/casussen/${casus}/informatie`, { doel: 'triage', items: items(10) });
  if (added.status !== 201) throw new Error(`set-up failed: ${added.status} ${added.body}`);
  return {
    gateway: (n) =>
      runLoad({ ...common, requests: n, url: `${s.gatewayUrl}/casussen/${casus}/informatie?doel=triage` }),
    bare: (n) => runLoad({ ...common, requests: n, url: `${s.bareUrl}/casussen/${casus}/informatie` }),
  };
}

const servers = await spawnBenchServers();
try {
  const { gateway, bare } = await sides(servers);
  // The servers are this process's only child: their CPU time is the server's.
  const serverTicks = () => cpuTicks((p) => p.ppid === process.pid);
  const measure = async (name: string, side: Side) => {
    const before = serverTicks();
    const r = await side(requests);
    const ticks = serverTicks() - before;
    if (r.non2xx > 0) throw new Error(`${name}: ${r.non2xx} answers were not 2xx`);
    // Ticks are 1/100 s on Linux.
    const line = {
      mode,
      side: name,
      perSecond: Math.round(r.perSecond),
      cpuMsPerRequest: Math.round((ticks * 10000) / requests) / 1000,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return line;
  };
  await gateway(Math.min(requests, 300));
  if (bare) await bare(Math.min(requests, 300));
  const lines: Awaited<ReturnType<typeof measure>>[] = [];
  for (let i = 0; i < rounds; i++) {
    lines.push(await measure('gateway', gateway));
    if (bare) lines.push(await measure('bare', bare));
  }
  const of = (side: string) => {
    const xs = lines.filter((l) => l.side === side);
    return xs.length === 0
      ? undefined
      : { perSecond: median(xs.map((l) => l.perSecond)), cpuMsPerRequest: median(xs.map((l) => l.cpuMsPerRequest)) };
  };
  process.stdout.write(`${JSON.stringify({ mode, requests, rounds, gateway: of('gateway'), bare: of('bare') })}\n`);
} finally {
  await servers.stop();
}
