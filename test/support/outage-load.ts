import { contractPath } from '../../openapi/contract-url.js';
import { loadContract } from '../../openapi/load-contract.js';
import { httpsCall, type HttpsAnswer } from './https-call.js';

const contract = loadContract();
const at = (operationId: string, params: Record<string, string> = {}) => contractPath(contract, operationId, params);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Tls = { ca: Buffer; cert: Buffer; key: Buffer };

/** What the load saw: every answer (or failure to answer) and the referrals acknowledged with 201. */
export interface OutageTally {
  answers: { what: string; status: number; retryAfter: number; body: string }[];
  /** Calls that got no HTTP answer at all (reset, or none within https-call's 20 s): a hang or a crash. */
  unanswered: string[];
  acknowledged: string[];
  /** Pulls answered 200: each wrote a disclosure-log entry before its answer. */
  pulls: number;
}

/** The calls of the load: a referral (a write), whoami (a read) and a pull (a read that writes the log). */
export function outageCalls(url: string, tls: Tls) {
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  return {
    refer: (marker: string) =>
      httpsCall(`${url}${at('createAanmelding')}`, {
        ...tls,
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          soort: 'persoon',
          gemeente: 'Demostad',
          reden: `storing ${marker}`,
          leefgebieden: ['huisvesting-en-wonen'],
          betrokkenen: [{ ref: 'p', achternaam: `Storing${marker}`, geboortedatum: '1980-01-01' }],
        }),
      }),
    addItem: (casus: string, betrokkene: string) =>
      httpsCall(`${url}${at('addInformatie', { casusId: casus })}`, {
        ...tls,
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          doel: 'triage',
          items: [{ categorie: 'wonen', betrokkene, inhoud: 'Huurachterstand', grondslag: 'avg-6-1-e-gemeente' }],
        }),
      }),
    whoAmI: () => httpsCall(`${url}${at('getEigenPartner')}`, { ...tls, headers: { accept: 'application/json' } }),
    pull: (casus: string) =>
      httpsCall(`${url}${at('getCasusInformatie', { casusId: casus })}?doel=triage`, {
        ...tls,
        headers: { accept: 'application/json' },
      }),
  };
}

/** A casus with one item its own referrer may pull (each pull appends to the disclosure log). */
export async function pullableCasus(url: string, tls: Tls): Promise<string> {
  const calls = outageCalls(url, tls);
  const created = await calls.refer('opzet');
  if (created.status !== 201) throw new Error(`set-up referral: ${created.status} ${created.body}`);
  const { casus, betrokkenen } = created.json<{ casus: string; betrokkenen: { betrokkene: string }[] }>();
  const added = await calls.addItem(casus, betrokkenen[0]!.betrokkene);
  if (added.status !== 201) throw new Error(`set-up item: ${added.status} ${added.body}`);
  return casus;
}

/**
 * `writers` loops of referral, whoami, pull against the gateway until `stop()`; after a 503 a loop
 * waits a little, as a client honouring Retry-After would (not the whole second: the test wants load).
 */
export function startOutageLoad(
  url: string,
  tls: Tls,
  casus: string,
  writers = 4,
): { tally: OutageTally; stop(): Promise<OutageTally> } {
  const calls = outageCalls(url, tls);
  const tally: OutageTally = { answers: [], unanswered: [], acknowledged: [], pulls: 0 };
  let stopping = false;
  const one = async (what: string, call: () => Promise<HttpsAnswer>): Promise<HttpsAnswer | undefined> => {
    try {
      const res = await call();
      tally.answers.push({ what, status: res.status, retryAfter: Number(res.headers['retry-after']), body: res.body });
      return res;
    } catch (err) {
      tally.unanswered.push(`${what}: ${(err as Error).message}`);
      return undefined;
    }
  };
  const loop = async (writer: number) => {
    for (let i = 0; !stopping; i++) {
      const kind = i % 3;
      const res =
        kind === 0
          ? await one('referral', () => calls.refer(`${writer}-${i}`))
          : kind === 1
            ? await one('whoami', calls.whoAmI)
            : await one('pull', () => calls.pull(casus));
      if (res?.status === 201) tally.acknowledged.push(res.json<{ casus: string }>().casus);
      if (kind === 2 && res?.status === 200) tally.pulls++;
      if (!res || res.status === 503) await sleep(100);
    }
  };
  const running = Array.from({ length: writers }, (_, w) => loop(w));
  return {
    tally,
    async stop() {
      stopping = true;
      await Promise.all(running);
      return tally;
    },
  };
}

/** Referrals until one is acknowledged (the gateway serves again), or the last answer after `ms`. */
export async function untilWritesAgain(url: string, tls: Tls, ms = 90_000): Promise<HttpsAnswer | undefined> {
  const calls = outageCalls(url, tls);
  let last: HttpsAnswer | undefined;
  for (const until = Date.now() + ms; Date.now() < until; await sleep(250)) {
    last = await calls.refer('terug').catch(() => undefined);
    if (last?.status === 201) return last;
  }
  return last;
}
