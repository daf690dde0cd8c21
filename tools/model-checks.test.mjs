// Proves the model checks find what they are for: node --test tools/model-checks.test.mjs (part of `npm run lint`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

function checkDmn(rules, { hitPolicy = 'FIRST', drawn = true } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'check-dmn-'));
  const file = join(dir, 'limits.dmn');
  const rows = rules.map((entries, i) => `<rule id="r${i + 1}">${entries.map((text, j) =>
    `<inputEntry id="r${i + 1}-${j}"><text>${text}</text></inputEntry>`).join('')}<outputEntry id="r${i + 1}-o"><text>${i + 1}</text></outputEntry></rule>`).join('');
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/"
  xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="limits-definitions" name="Limits" namespace="http://settle.dev/dmn">
  <decision id="limits" name="Limits">
    <decisionTable id="limits-table" hitPolicy="${hitPolicy}">
      <input id="segment" label="Segment"><inputExpression id="segment-expression" typeRef="string"><text>segment</text></inputExpression></input>
      <input id="amount" label="Amount"><inputExpression id="amount-expression" typeRef="number"><text>amount</text></inputExpression></input>
      <output id="limit" name="limit" typeRef="number" />
      ${rows}
    </decisionTable>
  </decision>
  ${drawn ? `<dmndi:DMNDI><dmndi:DMNDiagram id="diagram"><dmndi:DMNShape id="limits-shape" dmnElementRef="limits">
    <dc:Bounds height="80" width="180" x="100" y="100" /></dmndi:DMNShape></dmndi:DMNDiagram></dmndi:DMNDI>` : ''}
</definitions>`);
  const run = spawnSync(process.execPath, ['tools/check-dmn.mjs', file], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout.replaceAll(file, 'limits.dmn') };
}

test('a table with distinct rows passes', () => {
  const { status, out } = checkDmn([['"A"', '&gt; 100'], ['"A"', '-'], ['-', '[10..20]'], ['-', '-']]);
  assert.equal(status, 0, out);
});

test('a decision without DMNDI is named', () => {
  const { status, out } = checkDmn([['"A"', '1'], ['-', '-']], { drawn: false });
  assert.equal(status, 1);
  assert.match(out, /limits\.dmn: decision "limits" \(Limits\): not drawn/);
});

test('an input every rule leaves "-" is named', () => {
  const { status, out } = checkDmn([['"A"', '-'], ['"B"', '-']]);
  assert.equal(status, 1);
  assert.match(out, /decision "limits" \(Limits\): input "Amount \(amount\)" is '-' in every rule/);
});

test('a row after an identical or broader row can never match first', () => {
  const { out } = checkDmn([['"A","B"', '&gt; 100'], ['"A"', '&gt;= 500'], ['"C"', '[1..5]'], ['"C"', '[1..5]'], ['-', '-']]);
  assert.match(out, /rule 2 \(r2\) can never match first: rule 1 \(r1\) accepts every input it accepts/);
  assert.match(out, /rule 4 \(r4\) can never match first: rule 3 \(r3\)/);
  assert.doesNotMatch(out, /rule 5/);
});

test('a narrower row before a broader one is fine, and UNIQUE reports the overlap', () => {
  assert.equal(checkDmn([['"A"', '&gt;= 500'], ['"A"', '&gt; 100'], ['-', '-']]).status, 0);
  assert.match(checkDmn([['"A"', '&lt; 10'], ['"A"', '&lt;= 5']], { hitPolicy: 'UNIQUE' }).out, /rule 2 \(r2\) overlaps: rule 1/);
});

test('bpmnlint runs every rule as an error except the two job-based user task rules', async () => {
  const Linter = require('bpmnlint/lib/linter');
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
  const config = JSON.parse(readFileSync('.bpmnlintrc', 'utf8'));
  const rules = await new Linter({ config, resolver: new NodeResolver() }).resolveRules(config);
  assert.deepEqual(rules.filter(rule => rule.category !== 'error').map(rule => rule.name), []);
  const names = rules.map(rule => rule.name);
  assert.ok(names.includes('no-overlapping-elements') && names.includes('camunda-compat/feel'), names.join());
  assert.ok(!names.includes('camunda-compat/zeebe-user-task') && !names.includes('camunda-compat/user-task-definition'));
  assert.ok(rules.length > 60, `${rules.length} rules`);
});
