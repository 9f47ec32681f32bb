import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import request from 'supertest';
import { defaultCovenantDir } from '../../gateway/covenant/record-covenant-version.js';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor } from '../support/web-session.js';

/** The demo covenant and a 2026.2 from 2028 in which the woningcorporatie no longer supplies (its rule removed). */
const t = useTestApp({
  prepare: async ({ dataDir }) => {
    const dir = join(dataDir, 'convenant-versies');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(defaultCovenantDir, 'zvh-demo-2026.1.yaml'), 'utf8');
    writeFileSync(join(dir, 'zvh-demo-2026.1.yaml'), text);
    const start = text.indexOf('  - id: woningcorporatie-levert-geen-bsn');
    const end = text.indexOf('  - id: zvh-levert-casusgegevens');
    assert.ok(start > 0 && end > start, 'the demo covenant has the rule this test removes');
    const next = (text.slice(0, start) + text.slice(end))
      .replace('versie: "2026.1"', 'versie: "2026.2"')
      .replace('geldigVanaf: "2026-01-01"', 'geldigVanaf: "2028-01-01"')
      .replace('geldigTot: "2027-12-31"', 'geldigTot: "2028-12-31"');
    writeFileSync(join(dir, 'zvh-demo-2026.2.yaml'), next);
    return { KNOOPPUNT_COVENANT_DIR: dir };
  },
});

const open = async (query: string, rol = 'beheerder') => {
  const s = await webSessionFor(t, 'zvh-demo', rol);
  return request(t.app).get(`/convenant/versies${query}`).set('Cookie', s.cookie);
};

describe('covenant versions and their diff in the web application', () => {
  it('lists both versions with the one in force', async () => {
    const res = await open('');
    assert.equal(res.status, 200, res.text.slice(0, 500));
    assert.match(res.text, /zvh-demo@2026\.1/, 'the first version is listed');
    assert.match(res.text, /zvh-demo@2026\.2/, 'the second version is listed');
    assert.match(res.text, /in werking: zvh-demo@2026\.1/, 'the version in force is named');
    assert.match(res.text, /<select[^>]*id="van"/, 'the compare form is offered');
  });

  it('shows what changes between two versions', async () => {
    const res = await open('?van=zvh-demo%402026.1&naar=zvh-demo%402026.2');
    assert.equal(res.status, 200, res.text.slice(0, 500));
    assert.match(res.text, /veranderingen van zvh-demo@2026\.1 naar zvh-demo@2026\.2/, 'the diff is shown');
    assert.match(res.text, /aanleveren/, 'the supply rule that went is a change');
  });

  it('explains choosing the same version twice, or one that does not exist', async () => {
    const same = await open('?van=zvh-demo%402026.1&naar=zvh-demo%402026.1');
    assert.equal(same.status, 400, 'a form error');
    assert.match(same.text, /Kies twee verschillende versies/, 'with the reason');
    const unknown = await open('?van=bestaat-niet&naar=zvh-demo%402026.1');
    assert.equal(unknown.status, 400, 'a form error');
    assert.match(unknown.text, /href="#van"/, 'linked to its field');
  });

  it('refuses a beleidsmedewerker and sends a visitor without a session to sign in', async () => {
    const s = await webSessionFor(t, 'gemeente-demo', 'beleidsmedewerker');
    assert.equal((await request(t.app).get('/convenant/versies').set('Cookie', s.cookie)).status, 403);
    const anonymous = await request(t.app).get('/convenant/versies');
    assert.equal(anonymous.status, 303, 'no session');
    assert.equal(anonymous.headers.location, '/inloggen');
  });
});
