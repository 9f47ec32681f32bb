import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressBar } from '../../../../gateway/cli/progress-bar.js';

describe('the import progress bar', () => {
  it('redraws one line in place on a terminal and ends it when done', () => {
    const written: string[] = [];
    const lines: string[] = [];
    const bar = progressBar((l) => lines.push(l), { isTTY: true, write: (s: string) => written.push(s) });
    bar(5, 10);
    bar(10, 10);
    assert.deepEqual(written, [`\r[${'#'.repeat(15)}${'-'.repeat(15)}] 5/10`, `\r[${'#'.repeat(30)}] 10/10\n`]);
    assert.deepEqual(lines, [], 'no plain lines on a terminal');
  });

  it('writes plain lines without control characters elsewhere', () => {
    const lines: string[] = [];
    const bar = progressBar((l) => lines.push(l), { isTTY: false, write: () => assert.fail('no direct writes') });
    for (let i = 1; i <= 250; i++) bar(i, 250);
    assert.deepEqual(lines, ['rij 1/250', 'rij 100/250', 'rij 101/250', 'rij 200/250', 'rij 201/250', 'rij 250/250']);
  });
});
