import { httpsCall } from '../../support/https-call.js';

/** The police's TLS material, as the benchmarks call the gateway. */
export interface BenchTls {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

/** A referred casus with one person, and items about that person (half police data, encrypted). */
export interface SeededCasus {
  casus: string;
  betrokkene: string;
  /** `n` items for `POST …/informatie`: politiegegevens and wonen alternating, 200-odd characters each. */
  items(n: number): { categorie: string; betrokkene: string; inhoud: string; grondslag: string }[];
  post(path: string, body: unknown): ReturnType<typeof httpsCall>;
}

/** Refers a casus through the gateway at `url` (the police as referrer) for a benchmark to load. */
export async function seedCasus(url: string, tls: BenchTls, label: string): Promise<SeededCasus> {
  const post = (path: string, body: unknown) =>
    httpsCall(`${url}${path}`, {
      ...tls,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = await post('/aanmeldingen', {
    soort: 'persoon',
    gemeente: 'Demostad',
    reden: label,
    leefgebieden: ['huisvesting-en-wonen'],
    betrokkenen: [{ ref: 'p', achternaam: 'Bench', geboortedatum: '1980-01-01' }],
  });
  if (created.status !== 201) throw new Error(`bench set-up failed: ${created.status} ${created.body}`);
  const { casus, betrokkenen } = created.json<{ casus: string; betrokkenen: { betrokkene: string }[] }>();
  const betrokkene = betrokkenen[0]!.betrokkene;
  const items = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      i % 2 === 0
        ? {
            categorie: 'politiegegevens',
            betrokkene,
            inhoud: `Registratie ${i} ${'x'.repeat(200)}`,
            grondslag: 'wpg-art-20',
          }
        : { categorie: 'wonen', betrokkene, inhoud: `Wonen ${i} ${'y'.repeat(200)}`, grondslag: 'avg-6-1-e-gemeente' },
    );
  return { casus, betrokkene, items, post };
}
