import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import request from 'supertest';
import { useTestApp } from '../support/test-app.js';
import { webSessionFor, type WebSession } from '../support/web-session.js';

const t = useTestApp();
const origin = () => t.config.web.origin;

/** A webhook event that failed its last attempt, with a marker in the data the list must not show. */
async function deadLetter(partnerId = 'politie-demo'): Promise<string> {
  const id = randomUUID();
  const store = t.db.store;
  await store.uitgaand.add({
    id,
    partnerId,
    soort: 'kennisgeving',
    casusId: null,
    data: JSON.stringify({ naam: 'DODEBRIEF-MARKER-77' }),
    aangemaaktOp: t.clock.now(),
  });
  const dead = await store.uitgaand.recordAttempt(id, 0, {
    status: 'dood',
    volgendePoging: t.clock.now(),
    laatsteFout: 'status-500',
    afgeleverdOp: null,
  });
  assert.ok(dead, 'the event is dead');
  return id;
}

const post = (path: string, s: WebSession, form: Record<string, string>, from = origin()) =>
  request(t.app).post(path).set('Cookie', s.cookie).set('Origin', from).type('form').send(form);

describe('the webhook dead letters in the web application', () => {
  it('says so when there are none', async () => {
    const s = await webSessionFor(t, 'zvh-demo', 'beheerder');
    const res = await request(t.app).get('/beheer/dode-brieven').set('Cookie', s.cookie);
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /Er zijn geen dode brieven/, 'the empty state is explained');
  });

  it('lists a dead letter with its partner, code and attempts, but not its data', async () => {
    const id = await deadLetter();
    const s = await webSessionFor(t, 'zvh-demo', 'beheerder');
    const res = await request(t.app).get('/beheer/dode-brieven?sort=partner&richting=af').set('Cookie', s.cookie);
    assert.equal(res.status, 200, res.text.slice(0, 300));
    assert.match(res.text, /politie-demo/, 'the partner is shown');
    assert.match(res.text, /status-500/, 'with the last error');
    assert.match(res.text, new RegExp(`/beheer/dode-brieven/${id}/opnieuw`), 'with a replay form');
    assert.match(res.text, /aria-sort="descending"/, 'the sorted column says so');
    assert.doesNotMatch(res.text, /DODEBRIEF-MARKER-77/, 'the event data is not shown');
  });

  it('replays a dead letter with a reason, and records the reason', async () => {
    const id = await deadLetter();
    const s = await webSessionFor(t, 'zvh-demo', 'beheerder');
    const res = await post(`/beheer/dode-brieven/${id}/opnieuw`, s, { _csrf: s.csrf, reden: 'Adres hersteld' });
    assert.equal(res.status, 303, res.text.slice(0, 300));
    assert.equal(res.headers.location, '/beheer/dode-brieven?opnieuw=1', 'back to the list with a confirmation');
    const left = (await t.db.store.uitgaand.deadLetters()).map((u) => u.id);
    assert.ok(!left.includes(id), 'the letter is back in the queue');
  });

  it('asks for a reason and keeps the letter dead without one', async () => {
    const id = await deadLetter();
    const s = await webSessionFor(t, 'zvh-demo', 'beheerder');
    const res = await post(`/beheer/dode-brieven/${id}/opnieuw`, s, { _csrf: s.csrf, reden: ' ' });
    assert.equal(res.status, 400, 'a missing reason is a form error');
    assert.match(res.text, new RegExp(`href="#reden-${id}"`), 'the error links to the reason field');
    const left = (await t.db.store.uitgaand.deadLetters()).map((u) => u.id);
    assert.ok(left.includes(id), 'the letter stays dead');
  });

  it('refuses a replay without the CSRF token or from another origin', async () => {
    const id = await deadLetter();
    const s = await webSessionFor(t, 'zvh-demo', 'beheerder');
    assert.equal((await post(`/beheer/dode-brieven/${id}/opnieuw`, s, { reden: 'x' })).status, 403, 'no token');
    const cross = await post(
      `/beheer/dode-brieven/${id}/opnieuw`,
      s,
      { _csrf: s.csrf, reden: 'x' },
      'https://evil.example',
    );
    assert.equal(cross.status, 403, 'another origin');
    const left = (await t.db.store.uitgaand.deadLetters()).map((u) => u.id);
    assert.ok(left.includes(id), 'the letter stays dead');
  });

  it('refuses other roles, and sends a visitor without a session to sign in', async () => {
    const officer = await webSessionFor(t, 'zvh-demo', 'privacy-officer');
    assert.equal((await request(t.app).get('/beheer/dode-brieven').set('Cookie', officer.cookie)).status, 403);
    const anonymous = await request(t.app).get('/beheer/dode-brieven');
    assert.equal(anonymous.status, 303, 'no session');
    assert.equal(anonymous.headers.location, '/inloggen');
  });
});
