// A timeline of a result table: every row that holds a date (a cell with data-date) as a point on its own lane,
// drawn with uPlot. The table stays the page's content; the chart only adds a view of it.
(function () {
  'use strict';

  function dayOf(value) {
    // 2026-01-06, or 2025-12 for a month: the first day it can mean, as seconds (uPlot's time scale).
    const parts = value.split('-').map(Number);
    return Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1) / 1000;
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + '\u2026' : text;
  }

  /** Draws the rows of table#tableId that have a date into figure#figureId; hides the figure when none has. */
  function draw(tableId, figureId, plotId) {
    const table = document.getElementById(tableId);
    const figure = document.getElementById(figureId);
    const plot = document.getElementById(plotId);
    if (!table || !figure || !plot || !window.uPlot) {
      return;
    }
    plot.textContent = '';
    const points = [];
    const lanes = [];
    Array.from(table.tBodies[0].rows).forEach(function (row) {
      const dated = row.querySelector('td[data-date]');
      if (!dated) {
        return;
      }
      const label = (row.dataset.label || row.cells[0].textContent).trim();
      lanes.push(label);
      points.push({ x: dayOf(dated.dataset.date), lane: lanes.length - 1 });
    });
    if (points.length === 0) {
      figure.hidden = true;
      return;
    }
    figure.hidden = false;
    // The table's first row on the top lane.
    points.forEach(function (p) { p.y = lanes.length - 1 - p.lane; });
    points.sort(function (a, b) { return a.x - b.x; });
    const xs = points.map(function (p) { return p.x; });
    const ys = points.map(function (p) { return p.y; });
    const span = Math.max(xs[xs.length - 1] - xs[0], 86400 * 20);
    const opts = {
      width: Math.max(plot.clientWidth || figure.clientWidth || 800, 400),
      height: Math.min(60 + lanes.length * 24, 640),
      legend: { show: false },
      cursor: { y: false, drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: [xs[0] - span * 0.05, xs[xs.length - 1] + span * 0.05] },
        y: { range: [-0.7, lanes.length - 0.3] }
      },
      axes: [
        {},
        {
          size: 250,
          incrs: [1],
          space: 10,
          gap: 6,
          font: '11px system-ui, sans-serif',
          values: function (u, splits) {
            return splits.map(function (v) {
              const i = Math.round(v);
              const lane = lanes.length - 1 - i;
              return Math.abs(v - i) < 1e-6 && lanes[lane] !== undefined ? shorten(lanes[lane], 34) : '';
            });
          }
        }
      ],
      series: [
        {},
        { label: 'date', stroke: '#1d4ed8', fill: '#1d4ed8', paths: function () { return null; },
          points: { show: true, size: 9, fill: '#1d4ed8' } }
      ]
    };
    new window.uPlot(opts, [xs, ys], plot);
  }

  window.pledgeTimeline = draw;
})();
