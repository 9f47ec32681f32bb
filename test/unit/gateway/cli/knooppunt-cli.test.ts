import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { issueCertificate, loadCertificateAuthority } from '../../../../adapters/crypto/certificate-authority.js';
import { ensureDevPki, type DevPkiPaths } from '../../../../adapters/crypto/dev-pki.js';
import { demoPartners } from '../../../../gateway/bootstrap/demo-partners.js';
import { registerDemoPartners } from '../../../../gateway/bootstrap/register-demo-partners.js';
import { runCli } from '../../../../gateway/cli/knooppunt.js';
import { createTestDatabase, type TestDatabase } from '../../../support/test-store.js';

let db: TestDatabase;
let dataDir: string;
let pki: DevPkiPaths;
let env: Record<string, string>;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('knooppunt (CLI)', () => {
  before(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'knooppunt-cli-'));
    pki = ensureDevPki(dataDir, demoPartners, new Date()).paths;
    await registerDemoPartners(db.store, pki);
    env = { DATABASE_URL: db.url, KNOOPPUNT_DATA_DIR: dataDir };
  });
  after(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the registered partners as a table', async () => {
    const { code, out } = await cli('partners', 'list');
    assert.equal(code, 0);
    assert.equal(out.split('\n').length, 13);
    assert.match(out, /politie-demo\s+Politie eenheid Demo\s+politie\s+Wpg\s+00000099000000000003\s+actief/);
  });

  it('adds a partner, registers its certificate, and shows both', async () => {
    assert.equal(
      (
        await cli(
          'partners',
          'add',
          '--id',
          'buurtzorg-x',
          '--naam',
          'Buurtzorg X',
          '--oin',
          '00000099000000000201',
          '--soort',
          'ggz',
          '--regime',
          'AVG',
        )
      ).code,
      0,
    );
    const ca = loadCertificateAuthority(readFileSync(pki.caCert, 'utf8'), readFileSync(pki.caKey, 'utf8'));
    const cert = issueCertificate(ca, {
      commonName: 'Buurtzorg X',
      organisation: 'Buurtzorg X',
      oin: '00000099000000000201',
      usage: 'client',
      notBefore: new Date(Date.now() - 60_000),
      days: 30,
    });
    const file = join(dataDir, 'buurtzorg.pem');
    writeFileSync(file, cert.certPem);
    const added = await cli('partners', 'add-cert', 'buurtzorg-x', file);
    assert.equal(added.code, 0, added.err);
    const shown = await cli('partners', 'show', 'buurtzorg-x', '--json');
    const detail = JSON.parse(shown.out);
    assert.equal(detail.partner.oin, '00000099000000000201');
    assert.equal(detail.certificaten.length, 1);
  });

  it('refuses a wrong OIN with exit code 1 and names the field', async () => {
    const { code, err } = await cli(
      'partners',
      'add',
      '--id',
      'fout',
      '--naam',
      'Fout',
      '--oin',
      '12',
      '--soort',
      'ggz',
      '--regime',
      'AVG',
    );
    assert.equal(code, 1);
    assert.match(err, /oin/);
  });

  it('suspends and resumes a partner', async () => {
    assert.match((await cli('partners', 'suspend', 'ggz-demo')).out, /geschorst/);
    assert.equal((await db.store.db.partner.findUnique({ where: { id: 'ggz-demo' } }))?.status, 'geschorst');
    assert.match((await cli('partners', 'resume', 'ggz-demo')).out, /actief/);
  });

  it('allows and forbids token exchange without a certificate per partner, and audits both', async () => {
    const flag = async () =>
      (await db.store.db.partner.findUnique({ where: { id: 'om-demo' } }))?.assertieZonderCertificaat;
    assert.equal(await flag(), false, 'off by default');
    assert.match((await cli('partners', 'bearer-allow', 'om-demo')).out, /toegestaan/);
    assert.equal(await flag(), true, 'allowed');
    assert.match((await cli('partners', 'bearer-deny', 'om-demo')).out, /geweigerd/);
    assert.equal(await flag(), false, 'forbidden again');
    const audited = await db.store.db.auditEvent.count({
      where: { partnerId: 'om-demo', reden: { startsWith: 'assertie-zonder-certificaat' } },
    });
    assert.equal(audited, 2, 'both changes audited');
  });

  it('signs a client assertion with a demo partner’s dev key that verifies against its registered key', async () => {
    const { code, out } = await cli(
      'assertion',
      '--partner',
      'politie-demo',
      '--actor',
      'agent-1',
      '--rol',
      'medewerker',
    );
    assert.equal(code, 0);
    const { d: _d, ...pub } = JSON.parse(readFileSync(pki.partnerAssertionKey('politie-demo'), 'utf8'));
    await jwtVerify(out, await importJWK(pub, 'EdDSA'), { issuer: 'politie-demo', subject: 'politie-demo' });
    assert.deepEqual(decodeJwt(out).act, { sub: 'agent-1', rol: 'medewerker' });
  });

  it('checks a covenant file: exit 0 for the example, exit 1 with file:line: field for a broken one', async () => {
    const example = new URL('../../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url).pathname;
    const ok = await cli('covenant', 'check', example);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /in orde/);
    const broken = join(dataDir, 'kapot.yaml');
    writeFileSync(
      broken,
      readFileSync(example, 'utf8').replace('grondslag: uavg-art-30-zorg', 'grondslag: avg-6-1-e-gemeente'),
    );
    const bad = await cli('covenant', 'check', broken);
    assert.equal(bad.code, 1);
    assert.match(
      bad.out,
      /FOUT {2}kapot\.yaml: regels\[\d+\] \(zorg-levert-gezondheid\): categorie gezondheid is bijzonder \(art9\)/,
    );
  });

  it('simulates what a registered partner would see, with the rule and masking per category', async () => {
    const { code, out } = await cli(
      'covenant',
      'simulate',
      '--partner',
      'gemeente-demo',
      '--doel',
      'casusoverleg',
      '--fase',
      'casusoverleg',
    );
    assert.equal(code, 0);
    assert.match(out, /zvh-demo@2026\.1: gemeente-demo \(gemeente\), doel casusoverleg, fase casusoverleg/);
    assert.match(
      out,
      /politiegegevens \(art10\): .*toegestaan \[politiegegevens-samenvatting-naar-gemeente; gemaskeerd: inhoud, registratienummer\] van politie/,
    );
    assert.match(out, /psychische-gezondheid \(art9\): geweigerd/);
  });

  it('diffs two covenant versions per partner kind', async () => {
    const example = new URL('../../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url).pathname;
    const next = join(dataDir, 'volgende.yaml');
    writeFileSync(
      next,
      readFileSync(example, 'utf8')
        .replace('versie: "2026.1"', 'versie: "2026.2"')
        .replace(
          'toegestaneDoelen: [casusoverleg]\n    grondslag: wpg-art-20',
          'toegestaneDoelen: [plan-van-aanpak]\n    grondslag: wpg-art-20',
        ),
    );
    const { code, out } = await cli('covenant', 'diff', example, next);
    assert.equal(code, 0);
    assert.match(out, /^gemeente:$/m);
    assert.match(out, /nu verboden: verstrekken politiegegevens van politie voor casusoverleg/);
    assert.match(out, /nu toegestaan: verstrekken politiegegevens van politie voor plan-van-aanpak/);
    assert.doesNotMatch(out, /^politie:$/m);
  });

  it('publishes a checked covenant into the covenant folder, refusing a broken one without writing anything', async () => {
    const example = new URL('../../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url).pathname;
    const folder = mkdtempSync(join(tmpdir(), 'knooppunt-convenanten-'));
    const inFolder = () => readdirSync(folder).sort();
    const withFolder = async (...argv: string[]) => {
      const saved = env;
      env = { ...env, KNOOPPUNT_COVENANT_DIR: folder };
      try {
        return await cli(...argv);
      } finally {
        env = saved;
      }
    };
    try {
      const broken = join(dataDir, 'kapot-2026.2.yaml');
      writeFileSync(
        broken,
        readFileSync(example, 'utf8').replace('grondslag: uavg-art-30-zorg', 'grondslag: avg-6-1-e-gemeente'),
      );
      const refused = await withFolder('covenant', 'publiceer', broken);
      assert.equal(refused.code, 1, `a file that fails the check is refused: ${refused.out}`);
      assert.deepEqual(inFolder(), [], 'and nothing lands in the folder, not even a temporary file');

      const next = join(dataDir, 'zvh-demo-2026.2.yaml');
      writeFileSync(next, readFileSync(example, 'utf8').replace('versie: "2026.1"', 'versie: "2026.2"'));
      const placed = await withFolder('covenant', 'publiceer', next);
      assert.equal(placed.code, 0, placed.out);
      assert.match(placed.out, /zvh-demo@2026\.2 staat nu in .*zvh-demo-2026\.2\.yaml; van kracht vanaf 2026-01-01/);
      assert.deepEqual(inFolder(), ['zvh-demo-2026.2.yaml'], 'the file, under its own name, and nothing else');
      assert.equal(readFileSync(join(folder, 'zvh-demo-2026.2.yaml'), 'utf8'), readFileSync(next, 'utf8'));

      const again = await withFolder('covenant', 'publiceer', next);
      assert.equal(again.code, 0);
      assert.match(again.out, /staat al in .*: niets gewijzigd/, 'publishing the same text twice changes nothing');
      assert.equal((await withFolder('covenant', 'publiceer', join(dataDir, 'niet.txt'))).code, 2, 'not a .yaml');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('refuses to overwrite a published covenant that is or was in force, so the rules a disclosure was judged under stay as they were', async () => {
    const example = new URL('../../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url).pathname;
    const folder = mkdtempSync(join(tmpdir(), 'knooppunt-convenanten-'));
    const withFolder = async (...argv: string[]) => {
      const saved = env;
      env = { ...env, KNOOPPUNT_COVENANT_DIR: folder };
      try {
        return await cli(...argv);
      } finally {
        env = saved;
      }
    };
    try {
      const inForce = readFileSync(example, 'utf8').replace('versie: "2026.1"', 'versie: "2026.3"');
      const file = join(dataDir, 'zvh-demo-2026.3.yaml');
      writeFileSync(file, inForce);
      assert.equal((await withFolder('covenant', 'publiceer', file)).code, 0, 'in force since 2026-01-01');
      // Same name, other rules, in force only later: the old rules would vanish today, history with them.
      writeFileSync(file, inForce.replace('geldigVanaf: "2026-01-01"', 'geldigVanaf: "2027-06-01"'));
      const replaced = await withFolder('covenant', 'publiceer', file);
      assert.equal(replaced.code, 1, `a covenant in force is not overwritten: ${replaced.out}`);
      assert.match(replaced.out, /eigen bestandsnaam/, 'the officer is told to publish under a name of its own');
      assert.equal(readFileSync(join(folder, 'zvh-demo-2026.3.yaml'), 'utf8'), inForce, 'the file in force is kept');
      assert.deepEqual(readdirSync(folder), ['zvh-demo-2026.3.yaml'], 'and no temporary file is left');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('prints usage with exit code 2 for an unknown command, and 78 for a wrong setting', async () => {
    assert.equal((await cli('vliegen')).code, 2);
    assert.equal((await cli('partners', 'verwijder', 'x')).code, 2);
    const saved = env;
    env = { ...env, PORT: 'nee' };
    assert.equal((await cli('partners', 'list')).code, 78);
    env = saved;
  });

  it('says to start the gateway once, with exit code 78 and no stack trace, on a data directory without a PKI', async () => {
    const saved = env;
    const empty = mkdtempSync(join(tmpdir(), 'knooppunt-leeg-'));
    env = { ...env, KNOOPPUNT_DATA_DIR: empty, DATABASE_URL: `file:${join(empty, 'k.db')}` };
    try {
      for (const argv of [
        ['partners', 'list'],
        ['medewerkers', 'uitnodigen', '--partner', 'zvh-demo', '--rol', 'privacy-officer', '--naam', 'Fenna'],
      ]) {
        const r = await cli(...argv);
        assert.equal(r.code, 78, `${argv.join(' ')}: ${r.err}`);
        assert.match(r.err, /start de gateway één keer/);
        assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
      }
    } finally {
      env = saved;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
