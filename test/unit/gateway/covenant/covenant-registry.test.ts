import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { covenantRegistry } from '../../../../gateway/covenant/covenant-registry.js';
import { NO_COVENANT, policyEngine } from '../../../../gateway/covenant/policy-engine.js';
import { captureLogger } from '../../../support/capture-logger.js';

const example = new URL('../../../../policies/covenants/zvh-demo-2026.1.yaml', import.meta.url);
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'convenant-'));
  dirs.push(dir);
  copyFileSync(example, join(dir, 'zvh-demo-2026.1.yaml'));
  return dir;
}

/** The example as a new version with its own start date: the gemeente no longer sees police data in casusoverleg. */
function nextVersion(start: string): string {
  const text = readFileSync(example, 'utf8')
    .replace('versie: "2026.1"', 'versie: "2026.2"')
    .replace('geldigVanaf: "2026-01-01"', `geldigVanaf: "${start}"`)
    .replace(
      'toegestaneDoelen: [casusoverleg]\n    grondslag: wpg-art-20',
      'toegestaneDoelen: [plan-van-aanpak]\n    grondslag: wpg-art-20',
    );
  assert.ok(
    text.includes('toegestaneDoelen: [plan-van-aanpak]\n    grondslag: wpg-art-20'),
    'the example covenant has the plan-van-aanpak rule this test edits',
  );
  return text;
}

const gemeenteAsks = {
  actie: 'verstrekken' as const,
  partner: { id: 'gemeente-demo', soort: 'gemeente' },
  bron: { id: 'politie-demo', soort: 'politie' },
  categorieen: ['politiegegevens'],
  doel: 'casusoverleg',
  fase: 'casusoverleg' as const,
  deelnemer: true,
};

describe('the covenant registry', () => {
  it('puts a new version into force at its start date, without a restart', () => {
    const dir = folder();
    let now = new Date('2026-05-31T12:00:00Z');
    const registry = covenantRegistry(dir, {
      logger: captureLogger().logger,
      clock: { now: () => now },
      pollMs: 60_000,
    });
    const engine = policyEngine(registry);
    writeFileSync(join(dir, 'zvh-demo-2026.2.yaml'), nextVersion('2026-06-01'));
    registry.refresh();
    assert.equal(registry.versions().length, 2);
    assert.equal(engine.decide(gemeenteAsks).covenantVersion, 'zvh-demo@2026.1');
    assert.equal(engine.decide(gemeenteAsks).result, 'permit');
    now = new Date('2026-06-01T00:00:01Z');
    assert.equal(engine.decide(gemeenteAsks).covenantVersion, 'zvh-demo@2026.2');
    assert.equal(engine.decide(gemeenteAsks).result, 'deny');
    registry.stop();
  });

  it('refuses an invalid file with the reason and keeps the version it replaced in force', () => {
    const dir = folder();
    const { logger, lines } = captureLogger();
    const registry = covenantRegistry(dir, { logger, clock: { now: () => new Date('2026-03-01') }, pollMs: 60_000 });
    writeFileSync(
      join(dir, 'zvh-demo-2026.1.yaml'),
      readFileSync(example, 'utf8').replace('categorieen: [politiegegevens]', 'categorieen: [politiegegevns]') + '\n',
    );
    registry.refresh();
    assert.equal(registry.current()?.label, 'zvh-demo@2026.1');
    assert.equal(registry.refused().length, 1);
    assert.match(
      registry.refused()[0]!.reasons.join('\n'),
      /zvh-demo-2026\.1\.yaml:\d+: regels\[\d+\]\.categorieen\[0\]: onbekende categorie politiegegevns/,
    );
    assert.ok(
      lines().some((l) => l.includes('covenant refused')),
      `a 'covenant refused' log line, got ${lines().join(' | ')}`,
    );
    registry.stop();
  });

  it('picks the file up by itself when it changes (polling), and says so once to tell the other processes', async () => {
    const dir = folder();
    let told = 0;
    const registry = covenantRegistry(dir, {
      logger: captureLogger().logger,
      clock: { now: () => new Date('2026-07-01') },
      pollMs: 50,
      onChanged: () => void told++,
    });
    writeFileSync(join(dir, 'zvh-demo-2026.2.yaml'), nextVersion('2026-06-01'));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(registry.current()?.label, 'zvh-demo@2026.2');
    assert.equal(told, 1, 'one change, one notice — not one per poll');
    registry.stop();
  });

  it('reports from refresh whether a file was added, changed or removed', () => {
    const dir = folder();
    const registry = covenantRegistry(dir, {
      logger: captureLogger().logger,
      clock: { now: () => new Date('2026-07-01') },
      pollMs: 60_000,
    });
    assert.equal(registry.refresh(), false, 'nothing changed since it was opened');
    writeFileSync(join(dir, 'zvh-demo-2026.2.yaml'), nextVersion('2026-06-01'));
    assert.equal(registry.refresh(), true, 'a new file');
    assert.equal(registry.refresh(), false, 'read already');
    rmSync(join(dir, 'zvh-demo-2026.2.yaml'));
    assert.equal(registry.refresh(), true, 'a removed file');
    assert.equal(registry.current()?.label, 'zvh-demo@2026.1', 'and the version it held is gone');
    registry.stop();
  });

  it('denies everything when no version is in force', () => {
    const dir = folder();
    const registry = covenantRegistry(dir, {
      logger: captureLogger().logger,
      clock: { now: () => new Date('2025-06-01') },
      pollMs: 60_000,
    });
    const d = policyEngine(registry).decide(gemeenteAsks);
    assert.equal(d.result, 'deny');
    assert.equal(d.covenantVersion, NO_COVENANT);
    registry.stop();
  });
  it('reads a file anew when it is replaced by one of the same size that keeps the old time (cp -p, rsync -t)', () => {
    const dir = folder();
    const file = join(dir, 'zvh-demo-2026.1.yaml');
    const sameTime = new Date('2026-02-01T08:00:00Z');
    utimesSync(file, sameTime, sameTime);
    const { logger } = captureLogger();
    const registry = covenantRegistry(dir, { logger, clock: { now: () => new Date('2026-03-01') }, pollMs: 60_000 });
    assert.equal(registry.current()?.label, 'zvh-demo@2026.1');
    writeFileSync(file, readFileSync(example, 'utf8').replace('versie: "2026.1"', 'versie: "2026.9"'));
    utimesSync(file, sameTime, sameTime);
    assert.equal(registry.refresh(), true, 'the change is seen');
    assert.equal(registry.current()?.label, 'zvh-demo@2026.9', 'and the rules in the file now are in force');
    registry.stop();
  });
});
