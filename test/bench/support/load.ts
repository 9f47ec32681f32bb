import { Agent, request } from 'node:https';

export interface LoadOptions {
  url: string;
  ca: Buffer;
  cert?: Buffer;
  key?: Buffer;
  headers?: Record<string, string>;
  method?: string;
  body?: () => string;
  concurrency: number;
  requests: number;
  /** Keep connections (and so TLS sessions) open, or make a fresh TLS connection per request. */
  keepAlive: boolean;
  /** With keepAlive false: resume TLS sessions (true, Node's default) or force full handshakes. */
  resumeSessions?: boolean;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Sends `requests` calls with `concurrency` in flight; bounded in count, loopback only. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({
    keepAlive: o.keepAlive,
    maxSockets: o.concurrency,
    ca: o.ca,
    cert: o.cert,
    key: o.key,
    maxCachedSessions: o.resumeSessions === false ? 0 : 100,
  });
  const latencies: number[] = [];
  let non2xx = 0;
  let next = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const started = process.hrtime.bigint();
      const body = o.body?.();
      const req = request(
        o.url,
        {
          agent,
          method: o.method ?? 'GET',
          headers: {
            ...o.headers,
            ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if ((res.statusCode ?? 0) >= 300) non2xx++;
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (next < o.requests) {
      next++;
      await one();
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: o.requests,
    seconds,
    perSecond: o.requests / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    non2xx,
  };
}

/** Prints one benchmark's JSON line (the format `npm run bench` promises). */
export function report(line: {
  name: string;
  figures: Record<string, unknown>;
  baseline: Record<string, unknown>;
  ratio: number;
  note?: string;
}): void {
  process.stdout.write(`${JSON.stringify({ ...line, ratio: Math.round(line.ratio * 1000) / 1000 })}\n`);
}

/** What one round of a side yields: its rate, p95 and p99, and how many answers were not 2xx. */
export type RoundResult = Pick<LoadResult, 'perSecond' | 'p95Ms' | 'p99Ms' | 'non2xx'>;

/**
 * The comparison every HTTP benchmark makes: one warm-up round per side, then `rounds` rounds run
 * alternately (so a noisy moment hits both), failing on any non-2xx answer. Gives the medians.
 */
export async function alternateRounds(
  name: string,
  rounds: number,
  subject: () => Promise<RoundResult>,
  baseline: () => Promise<RoundResult>,
  warmUp: { subject?: () => Promise<unknown>; baseline?: () => Promise<unknown> } = {},
): Promise<{ subject: Omit<RoundResult, 'non2xx'>; baseline: Omit<RoundResult, 'non2xx'> }> {
  await (warmUp.subject ?? subject)();
  await (warmUp.baseline ?? baseline)();
  const s: RoundResult[] = [];
  const b: RoundResult[] = [];
  for (let i = 0; i < rounds; i++) {
    const rs = await subject();
    const rb = await baseline();
    if (rs.non2xx > 0 || rb.non2xx > 0) throw new Error(`${name} answered non-2xx (${rs.non2xx}/${rb.non2xx})`);
    s.push(rs);
    b.push(rb);
  }
  const medians = (xs: RoundResult[]) => ({
    perSecond: median(xs.map((x) => x.perSecond)),
    p95Ms: median(xs.map((x) => x.p95Ms)),
    p99Ms: median(xs.map((x) => x.p99Ms)),
  });
  return { subject: medians(s), baseline: medians(b) };
}
