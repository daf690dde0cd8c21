// The model catalog's viewers: bpmn-js draws a process with the instances waiting at each step, dmn-js shows a
// decision table. Bundled at build time (npm run bundle), served from the application; no CDN.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import DmnViewer from 'dmn-js/lib/Viewer';
import './process-path.js';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';

async function xmlOf(container) {
  const response = await fetch(container.dataset.xml, { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error('The model could not be loaded (' + response.status + ')');
  }
  return response.text();
}

function failed(container, error) {
  container.textContent = error.message;
  container.classList.add('error');
}

async function showProcess(container) {
  const viewer = new NavigatedViewer({ container });
  try {
    await viewer.importXML(await xmlOf(container));
    viewer.get('canvas').zoom('fit-viewport');
    const waiting = JSON.parse(container.dataset.waiting || '{}');
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    for (const [elementId, count] of Object.entries(waiting)) {
      const element = registry.get(elementId);
      if (!element) {
        continue;
      }
      const badge = document.createElement('span');
      badge.className = 'waiting-count';
      badge.textContent = count;
      badge.title = count + (count === 1 ? ' instance waits here' : ' instances wait here');
      // the diagram is zoomed to fit; the count stays readable however small the step is drawn
      overlays.add(elementId, { position: { bottom: 8, right: 8 }, scale: { min: 1 }, html: badge });
    }
    container.dataset.drawn = 'true';
  } catch (error) {
    failed(container, error);
  }
}

async function showTable(container) {
  const viewer = new DmnViewer({ container });
  try {
    await viewer.importXML(await xmlOf(container));
    const table = viewer.getViews().find((view) => view.type === 'decisionTable');
    if (table) {
      await viewer.open(table);
    }
    container.dataset.drawn = 'true';
  } catch (error) {
    failed(container, error);
  }
}

document.querySelectorAll('[data-bpmn]').forEach(showProcess);
document.querySelectorAll('[data-dmn]').forEach(showTable);
