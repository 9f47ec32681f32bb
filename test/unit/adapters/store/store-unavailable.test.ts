import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import express from 'express';
import request from 'supertest';
import { openStore, type Store } from '../../../../adapters/store/open-store.js';
import { isStoreUnavailable } from '../../../../adapters/store/store-unavailable.js';
import { handleErrors } from '../../../../gateway/http/middleware/handle-errors.js';
import { captureLogger } from '../../../support/capture-logger.js';

const dir = mkdtempSync(join(tmpdir(), 'knooppunt-busy-'));
const path = join(dir, 'busy.db');
let store: Store;
let locker: Database.Database;

const audit = () =>
  store.db.auditEvent.create({ data: { id: randomUUID(), soort: 'test', reden: 'test', tijd: new Date() } });

describe('a SQLite database another connection keeps locked', () => {
  before(async () => {
    store = await openStore(`file:${path}`);
    await store.db.$queryRawUnsafe('PRAGMA busy_timeout = 50'); // fail fast instead of waiting 15 s
    locker = new Database(path);
  });
  after(async () => {
    locker.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a write fail with an error the store classifies as unavailable', async () => {
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const err = await audit().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(err, 'the write must fail while the lock is held');
      assert.equal(isStoreUnavailable(err), true, `classified as unavailable: ${(err as Error).message}`);
      assert.equal(isStoreUnavailable(new Error('syntax error')), false, 'other errors are not');
    } finally {
      locker.exec('ROLLBACK');
    }
  });

  it('is answered 503 with Retry-After by the one error mapper, never 500', async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.locals.ctx = { requestId: 'r', traceId: 't', spanId: 's', traceFlags: '01' };
      next();
    });
    app.get('/schrijf', async () => {
      await audit();
    });
    app.use(handleErrors(captureLogger().logger));
    locker.exec('BEGIN EXCLUSIVE');
    try {
      const res = await request(app).get('/schrijf');
      assert.equal(res.status, 503, res.text);
      assert.equal(res.body.code, 'unavailable');
      assert.ok(Number(res.headers['retry-after']) >= 1, `Retry-After: ${res.headers['retry-after']}`);
      assert.equal(res.body.detail, undefined, 'a 5xx carries only a log id');
    } finally {
      locker.exec('ROLLBACK');
    }
  });

  it('is not wedged by a transaction that could not get the write lock: the next one commits', async () => {
    locker.exec('BEGIN EXCLUSIVE');
    const failed = await store.db
      .$transaction(async (tx) => {
        await tx.auditEvent.create({
          data: { id: randomUUID(), soort: 'test', reden: 'geblokkeerd', tijd: new Date() },
        });
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    locker.exec('ROLLBACK');
    assert.equal(isStoreUnavailable(failed), true, `the locked transaction fails as unavailable: ${String(failed)}`);
    const id = randomUUID();
    await store.db.$transaction(async (tx) => {
      await tx.auditEvent.create({ data: { id, soort: 'test', reden: 'daarna', tijd: new Date() } });
    });
    assert.equal(await store.db.auditEvent.count({ where: { id } }), 1, 'the next transaction committed');
  });
});
