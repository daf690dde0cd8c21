// The path of a process instance on its model (bundled with the catalog's viewers, one bpmn-js for both): passed
// steps numbered in order with their time, the step it waits at now, a step in trouble.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';

async function showPath(container) {
  const marks = JSON.parse(document.getElementById('path-marks').textContent);
  const response = await fetch(container.dataset.path, { credentials: 'same-origin' });
  if (!response.ok) {
    container.textContent = 'The diagram could not be loaded (' + response.status + ')';
    return;
  }
  const xml = await response.text();
  const viewer = new NavigatedViewer({ container });
  try {
    await viewer.importXML(xml);
  } catch (e) {
    container.textContent = 'The diagram could not be drawn: ' + e.message;
    return;
  }
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  // an element passed many times (a loop) shows its first and last number
  const byElement = new Map();
  for (const m of marks) {
    if (!registry.get(m.elementId)) {
      continue;
    }
    const seen = byElement.get(m.elementId) || [];
    seen.push(m);
    byElement.set(m.elementId, seen);
  }
  for (const [elementId, visits] of byElement) {
    const last = visits[visits.length - 1];
    canvas.addMarker(elementId, last.incident ? 'path-incident' : last.active ? 'path-waiting' : 'path-passed');
    const label = document.createElement('div');
    label.className = 'path-badge';
    const numbers = visits.length > 1 ? visits[0].order + '…' + last.order + ' (' + visits.length + '×)' : String(last.order);
    label.textContent = numbers + ' · ' + last.at;
    label.title = visits.map(v => v.order + ': ' + v.at).join('\n');
    overlays.add(elementId, { position: { top: -22, left: 0 }, html: label });
  }
  // show the stretch of the model the instance passed, not the whole model; the viewer pans and zooms from there
  const shapes = [...byElement.keys()].map((id) => registry.get(id)).filter((s) => s.width !== undefined);
  if (shapes.length > 0) {
    const left = Math.min(...shapes.map((s) => s.x)) - 80;
    const top = Math.min(...shapes.map((s) => s.y)) - 60;
    const right = Math.max(...shapes.map((s) => s.x + s.width)) + 80;
    const bottom = Math.max(...shapes.map((s) => s.y + s.height)) + 60;
    canvas.viewbox({ x: left, y: top, width: right - left, height: bottom - top });
  } else {
    canvas.zoom('fit-viewport');
  }
  container.dataset.drawn = 'true';
}

document.querySelectorAll('[data-path]').forEach(showPath);
