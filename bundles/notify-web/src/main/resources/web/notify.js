// The campaign page's progress bar: drawn from its figures, then refreshed every two seconds without reloading the
// page; when the campaign's state changes (another operator paused it, it finished), the page is reloaded so its
// buttons fit, unless the user is filling in a form.
(function () {
  'use strict';
  var section = document.getElementById('progress');
  if (!section) {
    return;
  }
  var PARTS = { 'done': 'done', 'in-flight': 'inFlight', 'waiting': 'waiting', 'failed': 'failed' };

  function draw(figures) {
    Object.keys(PARTS).forEach(function (part) {
      var count = figures[PARTS[part]];
      section.querySelector('.bar .' + part).style.width =
        (figures.total > 0 ? 100 * count / figures.total : 0) + '%';
      document.getElementById('count-' + part).textContent = String(count);
    });
    document.getElementById('count-total').textContent = String(figures.total);
  }

  function figuresShown() {
    var figures = { total: Number(document.getElementById('count-total').textContent) };
    Object.keys(PARTS).forEach(function (part) {
      figures[PARTS[part]] = Number(document.getElementById('count-' + part).textContent);
    });
    return figures;
  }

  function typing() {
    var active = document.activeElement;
    return active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
  }

  function refresh() {
    fetch(section.dataset.url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (answer) {
        if (!answer.ok) {
          throw new Error('progress: ' + answer.status);
        }
        return answer.json();
      })
      .then(function (figures) {
        draw(figures);
        section.dataset.refreshed = String(Date.now());
        if (figures.state !== section.dataset.state && !typing()) {
          window.location.reload();
        }
      })
      .catch(function () {
        section.classList.add('stale');
      })
      .then(function () {
        setTimeout(refresh, 2000);
      });
  }

  draw(figuresShown());
  setTimeout(refresh, 2000);
}());
