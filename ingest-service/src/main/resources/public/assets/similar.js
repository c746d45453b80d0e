// Open look-alike cases of the chosen area, shown while a petition is typed (resident page and
// hotline console), so people can follow an existing case instead of filing it again.
(function () {
  'use strict';

  var L = window.LangNghe;
  var MIN_CHARS = 15;
  var WAIT_MS = 600;

  // options: text, area, box, list (elements); token() -> bearer token or null; action(item) -> element or null
  function watch(options) {
    var timer = null;
    var items = [];
    var asked = '';

    function render() {
      var list = options.list;
      list.textContent = '';
      items.forEach(function (item) {
        var li = document.createElement('li');
        var category = item.category ? (L.language() === 'vi' ? item.category.vi : item.category.en) : '';
        // Staff see the tracking code (a caller may name it); anyone else only the public id's page.
        var code = document.createElement('a');
        code.className = 'similar-code';
        code.href = item.trackingCode ? '/track.html?code=' + encodeURIComponent(item.trackingCode)
          : '/answers.html?id=' + encodeURIComponent(item.publicId);
        code.textContent = item.trackingCode || category;
        li.appendChild(code);
        var facts = document.createElement('span');
        facts.textContent = ' · ' + [item.trackingCode ? category : '', L.t('status.' + item.status) || item.status].filter(Boolean).join(' · ');
        li.appendChild(facts);
        if (item.snippet) {
          var snippet = document.createElement('p');
          snippet.className = 'similar-snippet';
          snippet.textContent = item.snippet;
          li.appendChild(snippet);
        }
        if (item.publicAnswer) {
          var answer = document.createElement('p');
          answer.className = 'answer';
          answer.textContent = item.publicAnswer;
          li.appendChild(answer);
        }
        var action = options.action ? options.action(item) : null;
        if (action) {
          li.appendChild(action);
        }
        list.appendChild(li);
      });
      options.box.hidden = items.length === 0;
    }

    function ask() {
      var text = options.text.value.trim();
      var area = options.area.value;
      if (text.length < MIN_CHARS || area === '') {
        items = [];
        asked = '';
        render();
        return;
      }
      var query = '/api/similar?area=' + encodeURIComponent(area) + '&text=' + encodeURIComponent(text) + '&size=5';
      if (query === asked) {
        return;
      }
      asked = query;
      var headers = { Accept: 'application/json' };
      var token = options.token ? options.token() : null;
      if (token) {
        headers.Authorization = 'Bearer ' + token;
      }
      fetch(query, { headers: headers })
        .then(function (response) { return response.ok ? response.json() : { items: [] }; })
        .then(function (answer) {
          if (query !== asked) {
            return; // a later question is on its way
          }
          items = answer && Array.isArray(answer.items) ? answer.items : [];
          render();
        })
        .catch(function () { /* the petition can be sent anyway */ });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, WAIT_MS);
    }

    options.text.addEventListener('input', later);
    options.area.addEventListener('change', later);
    L.onLanguageChange(render);
    return {
      clear: function () { items = []; asked = ''; render(); }
    };
  }

  window.LangNgheSimilar = { watch: watch };
})();
