import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Inzagerapport } from '../../../../../gateway/rechten/rapport/inzagerapport-types.js';
import { nlDatum, nlDuur } from '../../../../../gateway/rechten/rapport/nederlandse-datum.js';
import { renderInzagerapport } from '../../../../../gateway/rechten/rapport/render-inzagerapport.js';
import { klacht, rechten } from '../../../../../gateway/rechten/rapport/vaste-teksten.js';

const XSS = '<img src=x onerror=alert(1)>';

function rapport(voor: 'betrokkene' | 'functionaris'): Inzagerapport {
  return {
    versie: 1,
    voor,
    peildatum: '2026-06-30T22:30:00.000Z',
    opgesteldOp: '2026-06-30T22:30:00.000Z',
    bronnen: [
      {
        partner: 'gemeente-demo',
        naam: `Gemeente ${XSS}`,
        regime: 'AVG',
        doelen: [{ key: 'casusoverleg', omschrijving: 'Overleg' }],
        grondslagen: [{ key: 'g', avg: '6.1.e' }],
        categorieen: [{ key: 'wonen', omschrijving: 'Wonen', bewaartermijn: { duur: 'P5Y', vanaf: 'afsluiting' } }],
        gegevens: [
          {
            id: 'i1',
            casus: 'c',
            categorie: 'wonen',
            inhoud: XSS,
            velden: { toelichting: `"${XSS}"` },
            grondslag: 'g',
            doel: 'casusoverleg',
            ontvangenOp: '2026-01-01T00:00:00.000Z',
          },
        ],
        weggelaten: [{ grond: 'x', label: 'Rechten van anderen', artikel: 'AVG 15 lid 4' }],
        ontvangers: [],
      },
    ],
    verstrekkingen: [],
    logbewijs: { origin: 'o', verifierKey: 'k', uitleg: 'u' },
    rechten,
    klacht,
    geautomatiseerd: { uitleg: 'u', voorstellen: [] },
    volledigheid: 'v',
  };
}

describe('the printable access report', () => {
  it('escapes what sources supplied, everywhere, and has no script or external resource', () => {
    const html = renderInzagerapport(rapport('betrokkene'));
    assert.ok(!html.includes(XSS), 'no supplied markup is markup');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)>/);
    assert.doesNotMatch(html, /<script|<link|src="http/i);
    assert.match(html, /^<!doctype html><html lang="nl">/);
  });

  it('writes dates in Dutch, on the Amsterdam calendar', () => {
    assert.equal(nlDatum('2026-06-30T22:30:00.000Z'), '1 juli 2026');
    assert.match(renderInzagerapport(rapport('betrokkene')), /op 1 juli 2026 over u bekend/);
  });

  it('writes retention periods in words', () => {
    assert.equal(nlDuur('P5Y'), '5 jaar');
    assert.equal(nlDuur('P1Y6M'), '1 jaar en 6 maanden');
    assert.equal(nlDuur('P1D'), '1 dag');
  });

  it('titles the privacy officer’s version as such', () => {
    assert.match(renderInzagerapport(rapport('functionaris')), /versie voor de functionaris/);
    assert.doesNotMatch(renderInzagerapport(rapport('betrokkene')), /versie voor de functionaris/);
  });
});
