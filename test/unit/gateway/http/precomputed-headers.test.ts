import assert from 'node:assert/strict';
import { test } from 'node:test';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { precomputedHeaders } from '../../../../gateway/http/middleware/precomputed-headers.js';

const policy = () =>
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });

function appWith(headers: RequestHandler) {
  const app = express();
  app.use(headers);
  app.get('/', (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}

test('helmet with a static policy is replaced by a replay of exactly the headers it sets', async () => {
  const original = policy();
  const replayed = precomputedHeaders(original);
  assert.notEqual(replayed, original, 'a static policy is precomputed');
  const expected = await request(appWith(original)).get('/');
  const actual = await request(appWith(replayed)).get('/');
  const without = (h: Record<string, string>) => {
    const { date: _date, etag: _etag, ...rest } = h;
    return rest;
  };
  assert.deepEqual(without(actual.headers), without(expected.headers));
  assert.equal(actual.headers['content-security-policy'], "default-src 'none';frame-ancestors 'none'");
  assert.equal(actual.headers['x-powered-by'], undefined, 'the removal is replayed too');
});

test('a middleware that reads the request is used as it is', () => {
  const readsRequest: RequestHandler = (req, res, next) => {
    res.setHeader('X-Path', req.path);
    next();
  };
  assert.equal(precomputedHeaders(readsRequest), readsRequest);
});

test('a middleware that does not call next at once is used as it is', () => {
  const later: RequestHandler = (_req, res, next) => {
    res.setHeader('X-A', '1');
    setImmediate(next);
  };
  assert.equal(precomputedHeaders(later), later);
});
