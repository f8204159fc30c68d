// The agent page: marks a callback when it falls due and, if the agent allowed it, shows a browser notification.
(function () {
  'use strict';
  var DAY = 24 * 3600 * 1000;
  var notifyButton = document.getElementById('notify');

  function fallDue(row) {
    row.classList.add('due');
    if (window.Notification && Notification.permission === 'granted') {
      new Notification('Callback due', { body: row.dataset.summary, tag: row.dataset.id });
    }
  }

  document.querySelectorAll('tr[data-due]').forEach(function (row) {
    var wait = Date.parse(row.dataset.due) - Date.now();
    if (wait <= 0) {
      row.classList.add('due');
    } else if (wait < DAY) {
      setTimeout(function () { fallDue(row); }, wait);
    }
  });

  if (notifyButton && window.Notification && Notification.permission === 'default') {
    notifyButton.hidden = false;
    notifyButton.addEventListener('click', function () {
      Notification.requestPermission().then(function () {
        notifyButton.hidden = Notification.permission === 'default';
      });
    });
  }

  // new callbacks appear within minutes; not while the agent is typing into a form
  setInterval(function () {
    var active = document.activeElement;
    if (!active || !/^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) {
      window.location.reload();
    }
  }, 5 * 60 * 1000);
}());
