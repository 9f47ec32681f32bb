import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { configSchema } from '../../../../gateway/config/config-schema.js';
import { ConfigError, loadConfig } from '../../../../gateway/config/load-config.js';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/knooppunt');
    assert.equal(config.port, 8443);
    assert.equal(config.dataDir, '/srv/knooppunt/data');
    assert.equal(config.databaseUrl, 'file:/srv/knooppunt/data/knooppunt.db');
    assert.equal(config.demoPartners, true);
  });

  it('returns a frozen object', () => {
    const config = loadConfig({}, '/x');
    assert.ok(Object.isFrozen(config), 'the config object is frozen');
    assert.throws(() => {
      (config as { port: number }).port = 1;
    });
  });

  it('refuses a wrong setting with a message naming it', () => {
    assert.throws(
      () => loadConfig({ PORT: 'achtduizend' }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://x' }),
      (e: unknown) => e instanceof ConfigError && /DATABASE_URL/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ LOG_LEVEL: 'loud' }),
      (e: unknown) => e instanceof ConfigError && /LOG_LEVEL/.test(e.message),
    );
  });

  it('refuses an unknown KNOOPPUNT_ setting, which is most likely a typo', () => {
    assert.throws(
      () => loadConfig({ KNOOPPUNT_DAT_DIR: './x' }),
      (e: unknown) => e instanceof ConfigError && /KNOOPPUNT_DAT_DIR/.test(e.message),
    );
  });

  it('reads a JSON file and lets the environment override it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, 'k.json'), JSON.stringify({ PORT: 9000, LOG_LEVEL: 'warn' }));
    const config = loadConfig({ KNOOPPUNT_CONFIG_FILE: 'k.json', LOG_LEVEL: 'error' }, dir);
    assert.equal(config.port, 9000);
    assert.equal(config.logLevel, 'error');
  });

  it('keeps PostgreSQL URLs as they are', () => {
    const url = 'postgresql://u:p@db.example:5432/k';
    assert.equal(loadConfig({ DATABASE_URL: url }).databaseUrl, url);
  });

  it('is documented in full in the README configuration table', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    for (const key of [...Object.keys(configSchema.shape), 'KNOOPPUNT_CONFIG_FILE']) {
      assert.match(readme, new RegExp(`\\| \`${key}\` \\|`), `${key} is missing from the README table`);
    }
  });
});
