import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import request from 'supertest';
import { loadContract, type ContractOperation } from '../../openapi/load-contract.js';
import { useTestApp } from '../support/test-app.js';

/**
 * Property: whatever a client sends to any operation of the contract — bad JSON, wrong types, huge
 * numbers, impossible dates, odd headers and encodings — the answer is never a 5xx. Bounded so the
 * file runs in about half a minute; FUZZ_RUNS raises it for a longer hunt.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1200);

const t = useTestApp({ env: { KNOOPPUNT_RATE_LIMIT_PER_MINUTE: '1000000' } });
const contract = loadContract();
const identities: Record<string, Record<string, string>> = {};

type Schema = { $ref?: string; properties?: Record<string, unknown> };
function bodyFields(op: ContractOperation): string[] {
  const doc = contract.document as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, Schema> };
  };
  const operation = doc.paths[op.template]?.[op.method.toLowerCase()] as
    { requestBody?: { content?: Record<string, { schema?: Schema }> } } | undefined;
  let schema = Object.values(operation?.requestBody?.content ?? {})[0]?.schema;
  if (schema?.$ref) schema = doc.components.schemas[schema.$ref.split('/').pop()!];
  return Object.keys(schema?.properties ?? {});
}

const nasty = fc.constantFrom(
  'Infinity',
  '-Infinity',
  'NaN',
  '1e400',
  '9223372036854775808',
  '-1',
  '0',
  '1.5',
  '',
  ' ',
  '%',
  '%E0%A4%A',
  '2026-02-30',
  '2026-02-30T10:00:00Z',
  '2026-13-01',
  '2026-04-31T25:61:00Z',
  'null',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  '\u0000',
  'x'.repeat(5000),
  '12345678',
  '00000000-0000-0000-0000-000000000000',
);
const segment = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.nat().map(String), fc.uuid());
const jsonish = fc.oneof(
  nasty,
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.1, 2 ** 63, null, true, false),
  fc.jsonValue({ maxDepth: 3 }),
);
const rawBody = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '1e400', '{"van":1e400}', '\uFEFF{}', '{"__proto__":{"x":1}}', '"'),
  fc.string({ maxLength: 200 }),
);
const headerValues = {
  'content-type': fc.constantFrom(
    'application/json',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/x-www-form-urlencoded',
    'text/plain',
    'application/problem+json',
    'multipart/form-data; boundary=x',
    '',
  ),
  'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'bogus', 'gzip, gzip', 'x-unknown'),
  accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', ';;;', 'application/*;q=0'),
  traceparent: fc.constantFrom('00-zz-00-01', '00-' + '0'.repeat(32) + '-' + '0'.repeat(16) + '-01', 'x'.repeat(300)),
  authorization: fc.constantFrom('Bearer', 'Bearer a.b.c', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'a'.repeat(9000) + '.b.c'),
  'idempotency-key': fc.constantFrom(
    'kort',
    'x'.repeat(200),
    'geldige-sleutel-123',
    '\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9',
  ),
  'x-ssl-client-cert': fc.constantFrom('nonsense', '%', '-----BEGIN CERTIFICATE-----%0Axx%0A-----END CERTIFICATE-----'),
};

const requestArb = fc.record({
  op: fc.constantFrom(...contract.operations),
  who: fc.constantFrom('beheerder', 'privacy-officer', 'procesregisseur', 'medewerker', 'niemand'),
  params: fc.array(segment, { minLength: 4, maxLength: 4 }),
  query: fc.dictionary(
    fc.constantFrom('van', 'tot', 'index', 'grootte', 'doel', 'formaat', 'partner', 'casus', 'bsn', 'x'),
    nasty,
    { maxKeys: 4 },
  ),
  body: fc.oneof(
    fc.constant(undefined),
    rawBody.map((raw) => ({ raw })),
    jsonish.map((json) => ({ json })),
    fc.array(jsonish, { minLength: 1, maxLength: 6 }).map((values) => ({ fields: values })),
  ),
  headers: fc.record(headerValues, { requiredKeys: [] }),
});

function pathOf(op: ContractOperation, params: string[]): string {
  let i = 0;
  return `${contract.basePath}${op.template.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++] ?? 'x'))}`;
}

describe('the contract under fuzzing', () => {
  before(async () => {
    identities.beheerder = await t.tokenHeaders('zvh-demo', 'beheerder');
    identities['privacy-officer'] = await t.tokenHeaders('zvh-demo', 'privacy-officer');
    identities.procesregisseur = await t.tokenHeaders('zvh-demo', 'procesregisseur');
    identities.medewerker = await t.tokenHeaders('politie-demo', 'medewerker');
    identities.niemand = {};
  });

  it(`answers no 5xx to ${RUNS} generated invalid requests over every operation`, { timeout: 240_000 }, async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ op, who, params, query, body, headers }) => {
        const method = op.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete' | 'put';
        let req = request(t.app)[method](pathOf(op, params)).query(query).set(identities[who]!);
        const { 'content-type': contentType, ...rest } = headers;
        for (const [name, value] of Object.entries(rest)) req = req.set(name, value);
        if (body && 'raw' in body) req = req.set('Content-Type', contentType ?? 'application/json').send(body.raw);
        else if (body && 'json' in body)
          req = req.set('Content-Type', contentType ?? 'application/json').send(JSON.stringify(body.json));
        else if (body) {
          const fields = bodyFields(op);
          const obj = Object.fromEntries(fields.map((f, i) => [f, body.fields[i % body.fields.length]]));
          req = req.set('Content-Type', contentType ?? 'application/json').send(JSON.stringify(obj));
        } else if (contentType !== undefined) req = req.set('Content-Type', contentType);
        const res = await req;
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        assert.ok(
          res.status < 500,
          `${op.method} ${op.template} as ${who} → ${res.status} ${res.text.slice(0, 200)}; log: ${t
            .logLines()
            .filter((l) => l.includes('"level":"error"') || l.includes('"level":50'))
            .slice(-1)
            .join('')
            .slice(0, 600)}`,
        );
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    assert.ok(
      [...seen.keys()].some((s) => s >= 400 && s < 500),
      `the fuzzer reached refusals: ${JSON.stringify([...seen])}`,
    );
  });
});
