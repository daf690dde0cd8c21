// Checks the DMN tables a process owner edits, beyond what deploying them proves (FEEL is checked by the engine in
// the process tests): every decision is drawn (DMNDI, so Modeler and the catalog show the table as it was laid out),
// no input column is '-' in every rule (an input no rule uses is a question the policy never asks), and no rule of a
// FIRST or UNIQUE table is covered by an earlier one (under FIRST it never wins, under UNIQUE it overlaps).
// Usage: node tools/check-dmn.mjs [file.dmn ...]   (default: every dmn/*.dmn). Exits 1 when anything is found.
import { readFileSync, readdirSync } from 'node:fs';
import { DmnModdle } from 'dmn-moddle';

const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync('dmn').filter(name => name.endsWith('.dmn')).sort().map(name => `dmn/${name}`);

const NUMBER = '(-?\\d+(?:\\.\\d+)?)';
const moddle = new DmnModdle();
const problems = [];
let decisionCount = 0;

for (const file of files) {
  let definitions;
  try {
    ({ rootElement: definitions } = await moddle.fromXML(readFileSync(file, 'utf8'), 'dmn:Definitions'));
  } catch (error) {
    problems.push(`${file}: cannot be read as DMN: ${error.message}`);
    continue;
  }
  const drawn = new Set((definitions.dmnDI?.diagrams || [])
    .flatMap(diagram => diagram.diagramElements || [])
    .map(shape => shape.dmnElementRef?.id));
  for (const decision of (definitions.drgElement || []).filter(element => element.$type === 'dmn:Decision')) {
    decisionCount++;
    const report = problem => problems.push(`${file}: decision "${decision.id}" (${decision.name}): ${problem}`);
    if (!drawn.has(decision.id)) {
      report('not drawn: the file has no DMNDI shape for it (open and save it in Camunda Modeler to add one)');
    }
    const table = decision.decisionLogic;
    if (table?.$type !== 'dmn:DecisionTable') continue;
    const inputs = table.input || [];
    const rules = table.rule || [];
    inputs.forEach((input, column) => {
      if (rules.length > 0 && rules.every(rule => isAny(entryText(rule, column)))) {
        report(`input "${describe(input)}" is '-' in every rule: no rule uses it; remove it or use it`);
      }
    });
    const hitPolicy = table.hitPolicy || 'UNIQUE';
    if (hitPolicy !== 'FIRST' && hitPolicy !== 'UNIQUE') continue;
    rules.forEach((rule, index) => {
      const earlier = rules.slice(0, index)
        .findIndex(candidate => inputs.every((_, column) => covers(entryText(candidate, column), entryText(rule, column))));
      if (earlier >= 0) {
        const what = hitPolicy === 'FIRST' ? 'can never match first' : 'overlaps';
        report(`rule ${index + 1}${named(rule)} ${what}: rule ${earlier + 1}${named(rules[earlier])} accepts every input it accepts`);
      }
    });
  }
}

for (const problem of problems) console.log(problem);
console.log(`DMN check: ${files.length} files, ${decisionCount} decisions, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);

function entryText(rule, column) {
  return (rule.inputEntry?.[column]?.text || '').trim();
}

function describe(input) {
  const expression = input.inputExpression?.text?.trim();
  return input.label ? `${input.label}${expression ? ` (${expression})` : ''}` : expression || input.id;
}

function named(rule) {
  return rule.description ? ` ("${rule.description.trim()}")` : ` (${rule.id})`;
}

function isAny(text) {
  return text === '' || text === '-';
}

// Does every value the earlier entry `broad` accepts include every value `narrow` accepts? Only the simple forms are
// compared (any, a list of literals, comparisons and ranges of numbers); anything else only covers its own text.
function covers(broad, narrow) {
  if (isAny(broad)) return true;
  if (isAny(narrow)) return false;
  if (normalize(broad) === normalize(narrow)) return true;
  const a = parse(broad);
  const b = parse(narrow);
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'literals') return [...b.values].every(value => a.values.has(value));
  return b.intervals.every(inner => a.intervals.some(outer => within(inner, outer)));
}

function normalize(text) {
  return text.replace(/\s+/g, ' ').replace(/\s*,\s*/g, ',');
}

function parse(text) {
  const parts = splitTopLevel(text);
  const literals = parts.map(part => /^"(?:[^"\\]|\\.)*"$|^(true|false)$/.test(part) ? part : null);
  if (literals.every(Boolean)) return { kind: 'literals', values: new Set(literals) };
  const intervals = parts.map(interval);
  if (intervals.every(Boolean)) return { kind: 'numbers', intervals };
  return null;
}

function splitTopLevel(text) {
  const parts = [];
  let depth = 0, quoted = false, current = '';
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && '([]'.includes(char) && char !== ']') depth++;
    if (!quoted && char === ')') depth--;
    if (!quoted && char === ',' && depth === 0) { parts.push(current.trim()); current = ''; continue; }
    current += char;
  }
  parts.push(current.trim());
  return parts;
}

function interval(text) {
  let match = text.match(new RegExp(`^(<=|>=|<|>)?\\s*${NUMBER}$`));
  if (match) {
    const value = Number(match[2]);
    switch (match[1]) {
      case '<': return { lo: -Infinity, loIn: false, hi: value, hiIn: false };
      case '<=': return { lo: -Infinity, loIn: false, hi: value, hiIn: true };
      case '>': return { lo: value, loIn: false, hi: Infinity, hiIn: false };
      case '>=': return { lo: value, loIn: true, hi: Infinity, hiIn: false };
      default: return { lo: value, loIn: true, hi: value, hiIn: true };
    }
  }
  match = text.match(new RegExp(`^([\\[\\(\\]])\\s*${NUMBER}\\s*\\.\\.\\s*${NUMBER}\\s*([\\]\\)\\[])$`));
  if (match) {
    return { lo: Number(match[2]), loIn: match[1] === '[', hi: Number(match[3]), hiIn: match[4] === ']' };
  }
  return null;
}

function within(inner, outer) {
  const lowOk = inner.lo > outer.lo || (inner.lo === outer.lo && (outer.loIn || !inner.loIn));
  const highOk = inner.hi < outer.hi || (inner.hi === outer.hi && (outer.hiIn || !inner.hiIn));
  return lowOk && highOk;
}
