/* CallScore's charts: bar charts drawn as inline SVG, no library. Every bar carries its figure in data-value
   and a <title>; each chart has a table with the same figures next to it for screen readers. */
'use strict';
var CallScoreCharts = (function () {
  var NS = 'http://www.w3.org/2000/svg';
  var W = 720, H = 280, LEFT = 64, RIGHT = 12, TOP = 28, BOTTOM = 44;

  function el(name, attrs, parent, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function clear(svg) { while (svg.firstChild) { svg.removeChild(svg.firstChild); } }

  /* a round maximum for the axis: 1, 2 or 5 times a power of ten, at least the largest value */
  function niceMax(max) {
    if (!(max > 0)) { return 1; }
    var power = Math.pow(10, Math.floor(Math.log10(max)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * power >= max) { return steps[i] * power; } }
    return 10 * power;
  }

  function empty(svg, message) {
    el('text', {x: W / 2, y: H / 2, 'text-anchor': 'middle', 'class': 'empty'}, svg, message);
  }

  /* Vertical bars per category, the series stacked.
     spec: {categories: [..], series: [{key, label, values: [..]}], format: fn, max: optional axis maximum} */
  function bars(svg, spec) {
    clear(svg);
    var n = spec.categories.length;
    if (n === 0) { empty(svg, 'No calls in this period'); return; }
    var totals = spec.categories.map(function (_, i) {
      return spec.series.reduce(function (sum, s) { return sum + (s.values[i] || 0); }, 0);
    });
    var max = spec.max || niceMax(Math.max.apply(null, totals));
    var plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
    var y = function (v) { return TOP + plotH - plotH * v / max; };
    var axis = el('g', {'class': 'axis'}, svg);
    for (var t = 0; t <= 4; t++) {
      var v = max * t / 4;
      el('line', {x1: LEFT, x2: W - RIGHT, y1: y(v), y2: y(v), 'class': 'grid'}, axis);
      el('text', {x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end'}, axis, spec.format(v));
    }
    var slot = plotW / n, barW = Math.max(2, Math.min(48, slot * 0.7));
    var every = Math.ceil(n / 16); // at most 16 category labels
    spec.categories.forEach(function (category, i) {
      var x = LEFT + slot * i + (slot - barW) / 2, base = 0;
      var group = el('g', {'class': 'category', 'data-category': category}, svg);
      spec.series.forEach(function (s) {
        var value = s.values[i] || 0;
        if (value <= 0) { return; }
        var top = y(base + value), height = y(base) - top;
        var bar = el('rect', {x: x, y: top, width: barW, height: height, 'class': 'bar series-' + s.key,
          'data-series': s.key, 'data-category': category, 'data-value': value}, group);
        el('title', {}, bar, category + ' ' + s.label + ': ' + spec.format(value));
        if (height >= 14 && barW >= 14) {
          el('text', {x: x + barW / 2, y: top + height / 2 + 4, 'class': 'value', 'data-series': s.key,
            'data-category': category}, group, spec.format(value));
        }
        base += value;
      });
      if (i % every === 0) {
        el('text', {x: x + barW / 2, y: H - BOTTOM + 16, 'text-anchor': 'middle'}, group, shortLabel(category));
      }
    });
    legend(svg, spec.series);
  }

  /* Horizontal bars, one per item: spec {items: [{key, label, value}], format: fn} */
  function hbars(svg, spec) {
    clear(svg);
    var total = spec.items.reduce(function (sum, item) { return sum + item.value; }, 0);
    if (total === 0) { empty(svg, 'No calls in this period'); return; }
    var labelW = 160, max = niceMax(Math.max.apply(null, spec.items.map(function (i) { return i.value; })));
    var rowH = (H - TOP - 10) / spec.items.length, plotW = W - labelW - 70;
    spec.items.forEach(function (item, i) {
      var yTop = TOP + i * rowH, width = plotW * item.value / max, h = Math.min(26, rowH * 0.7);
      var group = el('g', {'class': 'category', 'data-category': item.key}, svg);
      el('text', {x: labelW - 8, y: yTop + h / 2 + 4, 'text-anchor': 'end'}, group, item.label);
      var bar = el('rect', {x: labelW, y: yTop, width: Math.max(width, item.value > 0 ? 1 : 0), height: h,
        'class': 'bar outcome outcome-' + item.key, 'data-series': item.key, 'data-value': item.value}, group);
      el('title', {}, bar, item.label + ': ' + spec.format(item.value));
      el('text', {x: labelW + width + 6, y: yTop + h / 2 + 4, 'class': 'value outside', 'text-anchor': 'start',
        'data-series': item.key}, group, spec.format(item.value) + share(item.value, total));
    });
  }

  function share(value, total) {
    return total > 0 ? ' (' + (100 * value / total).toFixed(1) + ' %)' : '';
  }

  function legend(svg, series) {
    var g = el('g', {'class': 'legend'}, svg), x = LEFT;
    series.forEach(function (s) {
      el('rect', {x: x, y: 8, width: 12, height: 12, 'class': 'series-' + s.key}, g);
      el('text', {x: x + 16, y: 18}, g, s.label);
      x += 28 + s.label.length * 8;
    });
  }

  /* 2026-11-24 -> 11-24, 2026-11-24T09:00+01:00 -> 24 09h */
  function shortLabel(category) {
    var hour = /^\d{4}-(\d\d)-(\d\d)T(\d\d):/.exec(category);
    if (hour) { return hour[2] + ' ' + hour[3] + 'h'; }
    var day = /^\d{4}-(\d\d-\d\d)$/.exec(category);
    return day ? day[1] : category;
  }

  return {bars: bars, hbars: hbars, niceMax: niceMax};
}());
