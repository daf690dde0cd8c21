// Draws the reports page's charts from the data the server put on each canvas.
(function () {
  function data(id) {
    var canvas = document.getElementById(id);
    return canvas ? { canvas: canvas, values: JSON.parse(canvas.dataset.chart) } : null;
  }
  function numbers(list) {
    return list.map(function (v) { return v === null ? null : Number(v); });
  }
  if (!window.Chart) {
    return;
  }
  var dso = data('dso-chart');
  if (dso) {
    new Chart(dso.canvas, {
      type: 'line',
      data: { labels: dso.values.labels, datasets: [
        { label: 'DSO', data: numbers(dso.values.dso), borderColor: '#2f5d8a', backgroundColor: '#2f5d8a' },
        { label: 'Countback DSO', data: numbers(dso.values.countback), borderColor: '#f08a4b', backgroundColor: '#f08a4b' },
        { label: 'Best possible', data: numbers(dso.values.best), borderColor: '#4c9f70', backgroundColor: '#4c9f70' }] },
      options: { animation: false, spanGaps: true, scales: { y: { beginAtZero: true, title: { display: true, text: 'days' } } } }
    });
  }
  var cei = data('cei-chart');
  if (cei) {
    new Chart(cei.canvas, {
      type: 'line',
      data: { labels: cei.values.labels, datasets: [
        { label: 'Collection effectiveness', data: numbers(cei.values.cei), borderColor: '#2f5d8a', backgroundColor: '#2f5d8a' },
        { label: 'Promises kept', data: numbers(cei.values.promises), borderColor: '#d1495b', backgroundColor: '#d1495b' }] },
      options: { animation: false, spanGaps: true, scales: { y: { beginAtZero: true, title: { display: true, text: '%' } } } }
    });
  }
  var forecast = data('forecast-chart');
  if (forecast) {
    new Chart(forecast.canvas, {
      type: 'bar',
      data: { labels: forecast.values.labels, datasets: [
        { type: 'bar', label: 'Expected', data: numbers(forecast.values.expected), backgroundColor: '#2f5d8a' },
        { type: 'line', label: 'Low', data: numbers(forecast.values.low), borderColor: '#f08a4b', backgroundColor: '#f08a4b', pointRadius: 2 },
        { type: 'line', label: 'High', data: numbers(forecast.values.high), borderColor: '#4c9f70', backgroundColor: '#4c9f70', pointRadius: 2 }] },
      options: { animation: false, scales: { y: { beginAtZero: true, title: { display: true, text: forecast.values.currency } } } }
    });
  }
})();
