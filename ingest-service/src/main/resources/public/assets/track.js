// The tracking page: GET /api/track/{code} (ingest-service reads it from search-service).
(function () {
  'use strict';

  var L = window.LangNghe;
  var view = null;
  var problem = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function name(codeName) {
    if (!codeName) {
      return null;
    }
    return (L.language() === 'vi' ? codeName.vi : codeName.en) || codeName.vi || codeName.code;
  }

  // Deadlines are the ward's, so they are shown in Vietnam's time whatever the phone's zone.
  function when(iso) {
    if (!iso) {
      return L.t('notYet');
    }
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return iso;
    }
    return date.toLocaleString(L.language() === 'vi' ? 'vi-VN' : 'en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
    });
  }

  function render() {
    L.showProblem(byId('errors'), problem);
    byId('status').hidden = view === null;
    if (view === null) {
      return;
    }
    byId('status-code').textContent = view.trackingCode;
    byId('status-value').textContent = L.t('status.' + view.status) || view.status;
    byId('department-value').textContent = name(view.department) || L.t('notAssigned');
    byId('deadline-value').textContent = when(view.dueAt);
    byId('answer-value').textContent = view.publicAnswer || L.t('notYet');
  }

  function lookUp(code) {
    byId('loading').hidden = false;
    fetch('/api/track/' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.ok) {
          return response.json().then(function (found) { view = found; problem = null; });
        }
        return L.readProblem(response).then(function (answer) { view = null; problem = answer; });
      })
      .catch(function () {
        view = null;
        problem = { message: L.t('networkError') };
      })
      .then(function () {
        byId('loading').hidden = true;
        render();
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    L.onLanguageChange(render);
    var code = new URLSearchParams(window.location.search).get('code');
    if (code && code.trim() !== '') {
      byId('code').value = code;
      lookUp(code.trim());
    }
  });
})();
