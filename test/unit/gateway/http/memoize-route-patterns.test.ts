import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { memoizeRoutePatterns } from '../../../../gateway/http/middleware/memoize-route-patterns.js';

type Compiled = { regexp: RegExp; keys: { name: string }[] };
const fromValidator = createRequire(createRequire(import.meta.url).resolve('express-openapi-validator'));
const pathToRegexp = () =>
  (fromValidator('path-to-regexp') as { pathToRegexp: (p: unknown, o?: object) => Compiled }).pathToRegexp;

test('the validator compiles each route pattern once, and the pattern still matches as before', () => {
  const before = pathToRegexp()('/api/v1/casussen/:casusId/informatie', { sensitive: false, strict: false });
  memoizeRoutePatterns();
  const first = pathToRegexp()('/api/v1/casussen/:casusId/informatie', { sensitive: false, strict: false });
  const second = pathToRegexp()('/api/v1/casussen/:casusId/informatie', { sensitive: false, strict: false });
  assert.equal(second, first, 'the second call returns the compiled pattern');
  assert.equal(first.regexp.source, before.regexp.source);
  assert.deepEqual(
    first.keys.map((k) => k.name),
    ['casusId'],
  );
  assert.deepEqual(first.regexp.exec('/api/v1/casussen/c-1/informatie')?.slice(1), ['c-1']);
  assert.equal(first.regexp.exec('/api/v1/casussen/c-1/informatie/x'), null);
});

test('options change the pattern, so they are part of what is remembered', () => {
  memoizeRoutePatterns();
  const insensitive = pathToRegexp()('/a/:b', { sensitive: false, strict: false });
  const sensitive = pathToRegexp()('/a/:b', { sensitive: true, strict: false });
  assert.notEqual(sensitive, insensitive);
  assert.ok(insensitive.regexp.test('/A/x'));
  assert.ok(!sensitive.regexp.test('/A/x'));
});

test('other options pass straight through to a fresh compilation', () => {
  memoizeRoutePatterns();
  const a = pathToRegexp()('/a/:b', { end: false });
  const b = pathToRegexp()('/a/:b', { end: false });
  assert.notEqual(b, a);
  assert.ok(a.regexp.test('/a/x/y'));
});
