/* The CallScore reports dashboard: reads the JSON API with the filters chosen, draws the charts and tables. The
   filters are also the page's own query string, so its URL can be bookmarked or sent: opened in another browser it
   asks for the login and then shows the same report. */
'use strict';
(function () {
  var context = document.querySelector('meta[name="callscore-context"]').content;
  var $ = function (id) { return document.getElementById(id); };

  var count = function (v) { return v === null || v === undefined ? '–' : String(Math.round(v)); };
  var percent = function (v) { return v === null || v === undefined ? '–' : (100 * v).toFixed(1) + ' %'; };
  var seconds = function (v) { return v === null || v === undefined ? '–' : v.toFixed(1) + ' s'; };
  var decimal = function (v) { return v === null || v === undefined ? '–' : v.toFixed(2); };
  var text = function (v) { return v === null || v === undefined ? '–' : String(v); };
  /* a time of the API is already in the report's zone (the site's, named in the period label): its local date and
     time are shown as they are, never converted to the browser's zone */
  var localTime = function (v) {
    var parts = v === null || v === undefined ? null
      : /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.exec(v);
    return parts ? parts[1] + ' ' + parts[2] + (parts[3] || ':00') : text(v);
  };

  /* how each API column is shown; any other column as text */
  var FORMATS = {
    answerRate: percent, abandonRate: percent, serviceLevelAsterisk: percent, serviceLevelOffered: percent,
    firstCallResolution: percent, busyRate: percent, solvedRate: percent, complaintRate: percent,
    responseRate: percent, satisfaction: percent, csat: percent, 'survey.csat': percent,
    'survey.responseRate': percent, 'survey.satisfaction': percent, 'survey.complaintRate': percent,
    asa: seconds, averageWait: seconds, longestWait: seconds, averageTalk: seconds, averageHandle: seconds,
    meanScore: decimal, 'survey.meanScore': decimal, nps: decimal, 'survey.nps': decimal,
    waitSeconds: count, talkSeconds: count, enteredAt: localTime, surveyedAt: localTime
  };

  /* the form's fields that make the page's URL */
  var FIELDS = ['month', 'from', 'to', 'queue', 'agent', 'by'];

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  /* the filters of the page's URL into the form; this month when it names no period */
  function fromUrl() {
    var query = new URLSearchParams(window.location.search), now = new Date();
    FIELDS.forEach(function (id) { $(id).value = query.get(id) || ''; });
    if (!$('by').value) { $('by').value = 'day'; }
    if (!$('month').value && !$('from').value && !$('to').value) {
      $('month').value = now.getFullYear() + '-' + pad(now.getMonth() + 1);
    }
  }

  /* the form into the page's URL: a new history entry when the filters changed */
  function toUrl(replace) {
    var query = filters();
    query.set('by', $('by').value);
    var search = '?' + query.toString();
    if (search !== window.location.search) {
      window.history[replace ? 'replaceState' : 'pushState'](null, '', window.location.pathname + search);
    }
  }

  function filters() {
    var query = new URLSearchParams();
    if ($('month').value) {
      query.set('month', $('month').value);
    } else {
      if ($('from').value) { query.set('from', $('from').value); }
      if ($('to').value) { query.set('to', $('to').value); }
    }
    if ($('queue').value.trim()) { query.set('queue', $('queue').value.trim()); }
    if ($('agent').value.trim()) { query.set('agent', $('agent').value.trim()); }
    return query;
  }

  function url(kind, name, extra) {
    var query = filters();
    Object.keys(extra || {}).forEach(function (key) { query.set(key, extra[key]); });
    return context + '/' + kind + '/' + name + '?' + query.toString();
  }

  /* resolves to the parsed answer, or {error} for a module that is not there; a lost session goes to login */
  function api(name, extra) {
    return fetch(url('api', name, extra), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (response) {
        if (response.status === 401) { window.location.assign(context + '/login'); throw new Error('logged out'); }
        return response.json().then(function (body) {
          if (response.status === 503) { return {error: body.error, unavailable: true, rows: [], columns: []}; }
          if (!response.ok) { throw new Error(body.error || ('HTTP ' + response.status)); }
          return body;
        });
      });
  }

  /* formats: how some columns show in this table, over FORMATS */
  function table(element, answer, keys, firstHeader, formats) {
    while (element.tHead || element.tBodies.length) {
      element.removeChild(element.tHead || element.tBodies[0]);
    }
    var headers = {};
    (answer.columns || []).forEach(function (c) { headers[c.key] = c.header; });
    var head = element.createTHead().insertRow();
    keys.forEach(function (key, i) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = i === 0 && firstHeader ? firstHeader : (headers[key] || key);
      head.appendChild(th);
    });
    var body = element.createTBody();
    if (answer.unavailable || !answer.rows.length) {
      var cell = body.insertRow().insertCell();
      cell.colSpan = keys.length;
      cell.textContent = answer.unavailable ? 'Not available: ' + answer.error : 'Nothing in this period.';
      return;
    }
    answer.rows.forEach(function (row) {
      var tr = body.insertRow();
      tr.dataset.group = row[keys[0]];
      keys.forEach(function (key, i) {
        var td = i === 0 ? document.createElement('th') : document.createElement('td');
        if (i === 0) { td.scope = 'row'; }
        td.dataset.key = key;
        td.textContent = ((formats || {})[key] || FORMATS[key] || text)(row[key]);
        tr.appendChild(td);
      });
    });
  }

  /* every day of the period for a daily trend, so days without calls show as gaps */
  function days(query) {
    var list = [], day = new Date(query.from + 'T00:00:00Z'), end = new Date(query.to + 'T00:00:00Z');
    for (; day < end && list.length < 400; day.setUTCDate(day.getUTCDate() + 1)) {
      list.push(day.toISOString().substring(0, 10));
    }
    return list;
  }

  function byGroup(rows) {
    var map = {};
    rows.forEach(function (row) { map[row.group] = row; });
    return map;
  }

  function kpis(service, surveys) {
    var s = service.rows[0] || {}, v = (surveys.rows || [])[0] || {};
    var items = [
      ['offered', 'Calls offered', count(s.offered || 0)],
      ['answered', 'Answered', count(s.answered || 0)],
      ['abandoned', 'Abandoned', count(s.abandoned || 0)],
      ['answerRate', 'Answer rate', percent(s.answerRate)],
      ['abandonRate', 'Abandon rate', percent(s.abandonRate)],
      ['serviceLevelOffered', 'Service level (of offered)', percent(s.serviceLevelOffered)],
      ['asa', 'ASA', seconds(s.asa)],
      ['averageHandle', 'Average handle', seconds(s.averageHandle)],
      ['surveys', 'Surveys offered', count(v.offered || 0)],
      ['meanScore', 'Mean score (1-5)', decimal(v.meanScore)],
      ['csat', 'CSAT', percent(v.csat)],
      ['nps', 'NPS', decimal(v.nps)]
    ];
    var list = $('kpis');
    list.textContent = '';
    items.forEach(function (item) {
      var div = document.createElement('div');
      div.dataset.key = item[0];
      var dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = item[1];
      dd.textContent = item[2];
      div.appendChild(dt);
      div.appendChild(dd);
      list.appendChild(div);
    });
  }

  function fillList(id, rows) {
    var list = $(id);
    list.textContent = '';
    rows.forEach(function (row) {
      if (row.group === '(none)') { return; }
      var option = document.createElement('option');
      option.value = row.group;
      list.appendChild(option);
    });
  }

  function exports() {
    var by = $('by').value;
    $('export-csv').href = url('export', 'service.csv', {by: by});
    $('export-xlsx').href = url('export', 'service.xlsx', {by: by});
    $('export-surveys-csv').href = url('export', 'surveys.csv', {by: 'agent'});
    $('export-surveys-xlsx').href = url('export', 'surveys.xlsx', {by: 'agent'});
    $('export-abandoned-csv').href = url('export', 'abandoned.csv', {limit: 10000});
    $('export-abandoned-xlsx').href = url('export', 'abandoned.xlsx', {limit: 10000});
  }

  /* links each call of a table to its recordings, and plays a voice comment beside the survey's answers, when the
     recording pages are installed (feature callscore-recording-web: /recordings/calls.json); without them, or
     when they fail, the table stays as it is */
  function recordings(element, rows, idKey) {
    var ids = (rows || []).map(function (row) { return row[idKey]; }).filter(function (id) { return id; });
    var body = element.tBodies[0];
    if (!ids.length || !body) { return; }
    var query = new URLSearchParams();
    ids.forEach(function (id) { query.append('call', id); });
    fetch(context + '/recordings/calls.json?' + query.toString(),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(function (response) { return response.ok ? response.json() : {calls: {}}; })
      .then(function (answer) {
        if (element.tBodies[0] !== body) { return; } // a newer load has redrawn the table
        Array.prototype.forEach.call(body.rows, function (tr, i) {
          var id = rows[i] && rows[i][idKey], found = id && answer.calls[id];
          if (!found) { return; }
          var link = document.createElement('a');
          link.className = 'recording';
          link.href = context + '/recordings?call=' + encodeURIComponent(id);
          link.textContent = 'Recording';
          var cell = tr.insertCell();
          cell.dataset.key = 'recording';
          cell.appendChild(link);
          found.filter(function (r) { return r.kind === 'voice_comment' && answer.listen; }).forEach(function (r) {
            var audio = document.createElement('audio');
            audio.controls = true;
            audio.preload = 'none';
            audio.className = 'voice-comment';
            audio.src = context + '/recordings/audio/' + r.id;
            (tr.querySelector('[data-key="comment"]') || cell).appendChild(audio);
          });
        });
      })
      .catch(function () { /* the tables are complete without the links */ });
  }

  var loads = 0; // only the answers of the latest request are shown

  function load() {
    var by = $('by').value, surveyBy = by === 'hour' ? 'day' : by, current = ++loads;
    document.body.dataset.state = 'loading';
    $('status').textContent = 'Loading…';
    exports();
    Promise.all([
      api('service', {by: 'all'}), api('service', {by: by}), api('service', {by: 'queue'}),
      api('service', {by: 'agent'}), api('surveys', {by: 'all'}), api('surveys', {by: surveyBy}),
      api('surveys', {by: 'agent'}), api('abandoned', {limit: 50}), api('low-scores', {limit: 50})
    ]).then(function (answers) {
      if (current !== loads) { return; }
      var all = answers[0], trend = answers[1], queues = answers[2], agents = answers[3];
      var surveysAll = answers[4], surveyTrend = answers[5], surveyAgents = answers[6];
      var q = all.query;
      $('period-label').textContent = q.from + ' to ' + q.to + ' (excluded), ' + q.zone
        + (q.queue ? ', queue ' + q.queue : '') + (q.agent ? ', agent ' + q.agent : '');
      kpis(all, surveysAll);

      $('trend-unit').textContent = $('score-unit').textContent = {day: 'day', week: 'ISO week', month: 'month',
        hour: 'hour'}[by];
      $('score-unit').textContent = surveyBy === 'day' ? 'day' : $('trend-unit').textContent;
      var groups = by === 'day' ? days(q) : trend.rows.map(function (r) { return r.group; });
      var rows = byGroup(trend.rows);
      CallScoreCharts.bars($('trend-chart'), {categories: groups, format: count, series: [
        {key: 'answered', label: 'Answered', values: groups.map(function (g) { return (rows[g] || {}).answered || 0; })},
        {key: 'abandoned', label: 'Abandoned', values: groups.map(function (g) { return (rows[g] || {}).abandoned || 0; })}
      ]});
      table($('trend-table'), trend, ['group', 'offered', 'answered', 'abandoned', 'answerRate', 'abandonRate',
        'serviceLevelOffered', 'asa'], 'Period', by === 'hour' ? {group: localTime} : null);

      var s = all.rows[0] || {};
      var outcomes = [['answered', 'Answered'], ['abandoned', 'Abandoned'], ['shortAbandoned', 'Short abandons'],
        ['timedOut', 'Timed out'], ['exitedByKey', 'Exited by key'], ['exitedEmpty', 'Queue empty'],
        ['otherExits', 'Withdrawn']].map(function (o) { return {key: o[0], label: o[1], value: s[o[0]] || 0}; });
      CallScoreCharts.hbars($('outcome-chart'), {items: outcomes, format: count});
      table($('outcome-table'), {columns: [{key: 'group', header: 'Outcome'}, {key: 'calls', header: 'Calls'}],
        rows: outcomes.map(function (o) { return {group: o.label, calls: o.value}; })}, ['group', 'calls']);

      CallScoreCharts.bars($('score-chart'), {categories: surveyTrend.rows.map(function (r) { return r.group; }),
        max: 1, format: percent, series: [{key: 'csat', label: 'CSAT',
          values: surveyTrend.rows.map(function (r) { return r.csat || 0; })}]});
      table($('score-table'), surveyTrend, ['group', 'offered', 'completed', 'meanScore', 'csat', 'nps'], 'Period');

      var serviceKeys = ['group', 'offered', 'answered', 'abandoned', 'answerRate', 'abandonRate',
        'serviceLevelOffered', 'asa', 'averageTalk', 'averageHandle', 'firstCallResolution', 'survey.csat'];
      table($('queue-table'), queues, serviceKeys, 'Queue');
      table($('agent-table'), agents, ['group', 'answered', 'transferred', 'ringNoAnswer', 'averageTalk',
        'averageHandle', 'firstCallResolution', 'survey.meanScore', 'survey.csat'], 'Agent');
      table($('survey-agent-table'), surveyAgents, ['group', 'offered', 'completed', 'responseRate', 'meanScore',
        'satisfaction', 'csat', 'nps', 'complaints'], 'Agent');
      table($('abandoned-table'), answers[7], ['enteredAt', 'queue', 'caller', 'outcome', 'waitSeconds']);
      table($('low-table'), answers[8], ['surveyedAt', 'queue', 'agent', 'survey', 'meanScore', 'complaint',
        'comment']);
      recordings($('abandoned-table'), answers[7].rows, 'callid');
      recordings($('low-table'), answers[8].rows, 'uniqueId');
      fillList('queues', queues.rows);
      fillList('agents', agents.rows);
      $('status').textContent = 'Shown: ' + $('period-label').textContent + '.';
      document.body.dataset.state = 'ready';
    }).catch(function (error) {
      if (current !== loads) { return; }
      $('status').textContent = 'Could not load the reports: ' + error.message;
      document.body.dataset.state = 'error';
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    fromUrl();
    toUrl(true);
    $('month').addEventListener('change', function () { if ($('month').value) { $('from').value = $('to').value = ''; } });
    ['from', 'to'].forEach(function (id) {
      $(id).addEventListener('change', function () { if ($(id).value) { $('month').value = ''; } });
    });
    $('filters').addEventListener('submit', function (event) { event.preventDefault(); toUrl(false); load(); });
    window.addEventListener('popstate', function () { fromUrl(); load(); });
    $('by').addEventListener('change', exports);
    load();
  });
}());
