import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { FamilyDiagram } from '../../../../gateway/web/family-diagram.js';

describe('the family diagram', () => {
  const persons = [
    { id: 'a', naam: 'Ma <script>', rol: 'hoofdpersoon' },
    { id: 'b', naam: 'Kind' },
  ];

  it('draws only relations between persons the viewer may see, and says each in text', () => {
    const html = renderToString(
      FamilyDiagram({
        persons,
        relaties: [
          { van: 'a', naar: 'b', soort: 'ouder' },
          { van: 'a', naar: 'verborgen', soort: 'partner' },
        ],
      }),
    );
    assert.equal((html.match(/<line /g) ?? []).length, 1, 'one line: the hidden person is not drawn');
    assert.match(html, /Ma &lt;script> is ouder van Kind/, 'the text alternative, escaped');
    assert.doesNotMatch(html, /<script>/, 'names are escaped');
  });
});
