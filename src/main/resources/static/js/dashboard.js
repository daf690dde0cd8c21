// Draws the dashboard's charts from the data the server put on each canvas.
(function () {
  function data(id) {
    var canvas = document.getElementById(id);
    return canvas ? { canvas: canvas, values: JSON.parse(canvas.dataset.chart) } : null;
  }
  var aging = data('aging-chart');
  if (aging && window.Chart) {
    new Chart(aging.canvas, {
      type: 'bar',
      data: { labels: aging.values.labels,
        datasets: [{ label: 'Open amount', data: aging.values.values.map(Number),
          backgroundColor: ['#4c9f70', '#f2c14e', '#f08a4b', '#d1495b', '#7a1f2b'] }] },
      options: { animation: false, plugins: { legend: { display: false } } }
    });
  }
  var waiting = data('waiting-chart');
  if (waiting && window.Chart) {
    new Chart(waiting.canvas, {
      type: 'bar',
      data: { labels: waiting.values.labels, datasets: [
        { label: '< 1 day', data: waiting.values.fresh, backgroundColor: '#4c9f70' },
        { label: '1–3 days', data: waiting.values.mid, backgroundColor: '#f2c14e' },
        { label: '> 3 days', data: waiting.values.old, backgroundColor: '#d1495b' }] },
      options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } }
    });
  }
})();
