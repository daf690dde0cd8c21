// Draws the process model with bpmn-js's viewer and marks the path: passed steps numbered in order with their
// time, the step it waits at now, a step in trouble.
document.addEventListener('DOMContentLoaded', async () => {
  const container = document.getElementById('diagram');
  if (!container || !window.BpmnJS) {
    return;
  }
  const marks = JSON.parse(document.getElementById('path-marks').textContent);
  const xml = await (await fetch(container.dataset.diagram)).text();
  const viewer = new window.BpmnJS({ container });
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
  canvas.zoom('fit-viewport');
});
