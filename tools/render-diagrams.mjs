// Draws every bpmn/*.bpmn as docs/processes/<name>.svg the way Camunda Modeler shows it: bpmn-js (from node_modules,
// no CDN) in a headless Chromium (Debian's `chromium`, the browser the UI tests drive; CHROMIUM overrides the path).
// One page imports each model and puts the SVG bpmn-js saves into the DOM, which `--dump-dom` prints.
// Usage: node tools/render-diagrams.mjs   (run by `npm run render`, which the Maven build runs)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const chromium = process.env.CHROMIUM || 'chromium';
try {
  execFileSync(chromium, ['--version'], { stdio: 'ignore' });
} catch {
  console.error(`Cannot draw the diagrams: no '${chromium}' to run. Install Debian's chromium (apt-get install chromium; `
    + '.ci/run does) or point CHROMIUM at a Chromium binary.');
  process.exit(1);
}

const models = readdirSync('bpmn').filter(name => name.endsWith('.bpmn')).sort();
const viewer = pathToFileURL(resolve('node_modules/bpmn-js/dist/bpmn-viewer.production.min.js'));
const page = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div id="canvas"></div>
<script src="${viewer}"></script>
<script>
  const models = ${JSON.stringify(models.map(name => ({ name, xml: readFileSync(join('bpmn', name), 'utf8') })))};
  const base64 = text => {
    const bytes = new TextEncoder().encode(text);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return btoa(binary);
  };
  (async () => {
    for (const { name, xml } of models) {
      const out = document.createElement('pre');
      out.id = name;
      try {
        const viewer = new BpmnJS({ container: '#canvas' });
        const { warnings } = await viewer.importXML(xml);
        if (warnings.length) throw new Error(warnings.map(warning => warning.message).join('; '));
        out.textContent = 'svg:' + base64((await viewer.saveSVG()).svg);
        viewer.destroy();
      } catch (error) {
        out.textContent = 'error:' + error.message;
      }
      document.body.append(out);
    }
    document.body.append(Object.assign(document.createElement('pre'), { id: 'done' }));
  })();
</script></body></html>`;

const work = mkdtempSync(join(tmpdir(), 'settle-diagrams-'));
let dom;
try {
  writeFileSync(join(work, 'render.html'), page);
  dom = execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    `--user-data-dir=${join(work, 'profile')}`, '--virtual-time-budget=30000', '--dump-dom',
    pathToFileURL(join(work, 'render.html')).href], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (!dom.includes('id="done"')) {
  console.error('Chromium did not finish drawing the diagrams (bpmn-js not loaded? run npm ci first)');
  process.exit(1);
}

mkdirSync('docs/processes', { recursive: true });
let failed = false;
for (const name of models) {
  const match = dom.match(new RegExp(`<pre id="${name.replace(/\./g, '\\.')}">(svg|error):([^<]*)</pre>`));
  if (!match || match[1] === 'error') {
    console.error(`bpmn/${name}: cannot be drawn: ${match ? match[2] : 'no output'}`);
    failed = true;
    continue;
  }
  const svg = stableMarkerIds(Buffer.from(match[2], 'base64').toString('utf8'));
  const target = join('docs/processes', basename(name, '.bpmn') + '.svg');
  writeFileSync(target, svg + '\n');
  console.log(`bpmn/${name} -> ${target}`);
}
process.exit(failed ? 1 : 0);

// bpmn-js names its arrow-head markers with random ids; number them so an unchanged model draws an unchanged file.
function stableMarkerIds(svg) {
  const ids = new Map();
  return svg.replace(/marker-[0-9a-z]+(?=["')])/g, id => {
    if (!ids.has(id)) ids.set(id, `marker-${ids.size + 1}`);
    return ids.get(id);
  });
}
