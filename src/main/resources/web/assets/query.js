// The query page, enhanced: a CodeMirror SPARQL editor that knows the project's prefixes, queries run against the
// public endpoint (/pledgegraph/sparql) and their results shown as a table with a timeline. Without this script the
// page still works: the form's GET is answered by the server. Values are put in the page with textContent only.
(function () {
  'use strict';

  const textarea = document.getElementById('query-text');
  const form = document.getElementById('query-form');
  if (!textarea || !form) {
    return;
  }
  const prefixes = JSON.parse(textarea.dataset.prefixes || '{}');
  const endpoint = textarea.dataset.endpoint;
  const names = Object.keys(prefixes).sort();
  const OURS = 'https://w3id.org/pledgegraph/';
  const DATES = ['http://www.w3.org/2001/XMLSchema#date', 'http://www.w3.org/2001/XMLSchema#gYearMonth'];

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /** PREFIX lines for the known prefixes the query uses without declaring them (the server does the same). */
  function withPrefixes(text) {
    let declared = '';
    names.forEach(function (p) {
      const used = new RegExp('(^|[\\s(,;/^|!{])' + escapeRegExp(p) + ':').test(text);
      const declares = new RegExp('^\\s*PREFIX\\s+' + escapeRegExp(p) + ':', 'im').test(text);
      if (used && !declares) {
        declared += 'PREFIX ' + p + ': <' + prefixes[p] + '>\n';
      }
    });
    return declared + text;
  }

  function prefixHint(cm) {
    const cursor = cm.getCursor();
    const line = cm.getLine(cursor.line).slice(0, cursor.ch);
    const word = /[A-Za-z][\w-]*$/.exec(line);
    const start = word ? cursor.ch - word[0].length : cursor.ch;
    const typed = word ? word[0] : '';
    const declaring = /^\s*PREFIX\s+[\w-]*$/i.test(line);
    const list = names.filter(function (p) { return p.indexOf(typed) === 0; }).map(function (p) {
      return declaring ? { text: p + ': <' + prefixes[p] + '>', displayText: p + ': <' + prefixes[p] + '>' }
                       : { text: p + ':', displayText: p + ':  ' + prefixes[p] };
    });
    return { list: list, from: window.CodeMirror.Pos(cursor.line, start), to: cursor };
  }

  let editor = null;
  if (window.CodeMirror) {
    editor = window.CodeMirror.fromTextArea(textarea, {
      mode: 'application/sparql-query',
      lineNumbers: true,
      lineWrapping: true,
      indentUnit: 2,
      viewportMargin: Infinity,
      extraKeys: {
        'Ctrl-Space': 'autocomplete',
        'Ctrl-Enter': function () { run(); },
        'Cmd-Enter': function () { run(); }
      },
      hintOptions: { hint: prefixHint, completeSingle: false }
    });
  }

  function text() {
    return editor ? editor.getValue() : textarea.value;
  }

  function shortForm(iri) {
    let best = null;
    names.forEach(function (p) {
      const ns = prefixes[p];
      if (iri.indexOf(ns) === 0 && (!best || ns.length > prefixes[best].length)) {
        best = p;
      }
    });
    return best ? best + ':' + iri.slice(prefixes[best].length) : iri;
  }

  function href(iri) {
    if (iri.indexOf(OURS) === 0) {
      return '/' + iri.slice(OURS.length);
    }
    return /^https?:\/\//.test(iri) ? iri : null;
  }

  function cell(term) {
    const td = document.createElement('td');
    if (!term) {
      return td;
    }
    if (term.type === 'uri') {
      td.title = term.value;
      const target = href(term.value);
      if (target) {
        const a = document.createElement('a');
        a.href = target;
        a.textContent = shortForm(term.value);
        td.appendChild(a);
      } else {
        td.textContent = shortForm(term.value);
      }
    } else if (term.type === 'bnode') {
      td.textContent = '_:' + term.value;
    } else {
      td.textContent = term.value;
      if (term['xml:lang']) {
        td.title = '@' + term['xml:lang'];
      } else if (term.datatype && term.datatype !== 'http://www.w3.org/2001/XMLSchema#string') {
        td.title = shortForm(term.datatype);
      }
      if (DATES.indexOf(term.datatype) >= 0 && /^\d{4}-\d{2}(-\d{2})?$/.test(term.value)) {
        td.dataset.date = term.value;
      }
    }
    return td;
  }

  function show(json) {
    const answer = document.getElementById('answer');
    answer.textContent = '';
    const count = document.createElement('p');
    count.className = 'meta';
    count.id = 'result-count';
    const scroll = document.createElement('div');
    scroll.className = 'table-scroll';
    const table = document.createElement('table');
    table.className = 'results';
    table.id = 'results';
    const head = table.createTHead().insertRow();
    const body = table.createTBody();
    if (json.boolean !== undefined) {
      const th = document.createElement('th');
      th.textContent = 'answer';
      head.appendChild(th);
      body.insertRow().appendChild(cell({ type: 'literal', value: json.boolean ? 'yes' : 'no' }));
      count.textContent = '1 row';
    } else {
      const vars = json.head.vars;
      vars.forEach(function (v) {
        const th = document.createElement('th');
        th.textContent = v;
        head.appendChild(th);
      });
      json.results.bindings.forEach(function (b) {
        const tr = body.insertRow();
        vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
      });
      const n = json.results.bindings.length;
      count.textContent = n + (n === 1 ? ' row' : ' rows');
    }
    scroll.appendChild(table);
    answer.appendChild(count);
    answer.appendChild(scroll);
    window.pledgeTimeline && window.pledgeTimeline('results', 'timeline', 'timeline-plot');
  }

  function fail(message) {
    const answer = document.getElementById('answer');
    answer.textContent = '';
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = message;
    answer.appendChild(p);
    document.getElementById('timeline').hidden = true;
  }

  function updateDownloads(query) {
    const encoded = encodeURIComponent(query);
    document.getElementById('download-csv').href = endpoint + '?output=csv&query=' + encoded;
    document.getElementById('download-json').href = endpoint + '?output=json&query=' + encoded;
  }

  function run() {
    const own = text();
    const query = withPrefixes(own);
    updateDownloads(query);
    // CONSTRUCT and DESCRIBE answer with triples: the server renders those (the form's GET).
    const kind = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(query.replace(/#.*$/gm, ''));
    if (kind && /CONSTRUCT|DESCRIBE/i.test(kind[1])) {
      if (editor) {
        editor.save();
      }
      form.submit();
      return;
    }
    const answer = document.getElementById('answer');
    answer.setAttribute('aria-busy', 'true');
    fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json' },
      body: 'query=' + encodeURIComponent(query)
    }).then(function (response) {
      if (!response.ok) {
        return response.text().then(function (body) {
          throw new Error('The endpoint answered ' + response.status + ': ' + body.trim().split('\n').slice(0, 6).join(' '));
        });
      }
      return response.json();
    }).then(function (json) {
      show(json);
      history.replaceState(null, '', '/query?query=' + encodeURIComponent(own));
    }).catch(function (e) {
      fail(e.message);
    }).finally(function () {
      answer.removeAttribute('aria-busy');
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    run();
  });

  // Results the server rendered (a catalog link, or a GET without script) get their timeline too.
  window.pledgeTimeline && window.pledgeTimeline('results', 'timeline', 'timeline-plot');
})();
