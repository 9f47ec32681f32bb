import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weigeringsgrond, weigeringsgronden } from '../../../../gateway/rechten/weigeringsgronden.js';

describe('the withholding grounds', () => {
  it('have unique stable codes, each with an article and a label', () => {
    const codes = weigeringsgronden.map((g) => g.code);
    assert.equal(new Set(codes).size, codes.length, 'codes are unique');
    for (const g of weigeringsgronden) {
      assert.match(g.code, /^[A-Z0-9_]+$/, `${g.code} is a machine code`);
      assert.match(g.artikel, /art\. \d+/, `${g.code} names its article`);
      assert.ok(g.label.length > 10 && g.label.length < 200, `${g.code} has a short label`);
    }
  });

  it('keep silent by default where saying so could reveal an investigation', () => {
    assert.equal(weigeringsgrond('WPG_27_ONDERZOEK')?.vermelden, false);
    assert.equal(weigeringsgrond('AVG_23_ONDERZOEK')?.vermelden, false);
    assert.equal(weigeringsgrond('AVG_15_4_RECHTEN_ANDEREN')?.vermelden, true);
  });

  it('reserve the manifestly unfounded or excessive ground for refusing a whole request', () => {
    assert.deepEqual(
      weigeringsgronden.filter((g) => 'geheelVerzoek' in g && g.geheelVerzoek).map((g) => [g.code, g.artikel]),
      [['KENNELIJK_ONGEGROND_BUITENSPORIG', 'AVG art. 12 lid 5']],
    );
    assert.equal(weigeringsgrond('BESTAAT_NIET'), undefined);
  });
});
