// The resident form: areas from GET /api/areas, POST /api/feedback, then the tracking code, large.
(function () {
  'use strict';

  var L = window.LangNghe;
  var areas = [];
  var lastProblem = null;
  var idempotencyKey = newKey();
  var similar = null;

  // One key per petition: a double click or a retry after a lost answer files it once.
  function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function renderAreas() {
    var select = byId('area');
    var chosen = select.value;
    while (select.options.length > 1) {
      select.remove(1);
    }
    areas.forEach(function (area) {
      var option = document.createElement('option');
      option.value = area.code;
      option.textContent = L.language() === 'vi' ? area.vi : area.en;
      select.appendChild(option);
    });
    select.value = chosen;
  }

  function loadAreas() {
    fetch('/api/areas', { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (list) {
        areas = Array.isArray(list) ? list : [];
        renderAreas();
      })
      .catch(function () { /* the form still works with an address alone */ });
  }

  function showProblem(problem) {
    lastProblem = problem;
    L.showProblem(byId('errors'), problem);
  }

  function optional(value) {
    var trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }

  function submit(event) {
    event.preventDefault();
    var text = byId('text').value;
    if (text.trim() === '') {
      showProblem({ message: L.t('textRequired') });
      byId('text').focus();
      return;
    }
    var body = {
      text: text,
      channel: 'web',
      area: optional(byId('area').value),
      address: optional(byId('address').value),
      name: optional(byId('name').value),
      phone: optional(byId('phone').value),
      consentToContact: byId('consent').checked
    };
    var photos = byId('photos').files;
    if (photos.length > 3) {
      showProblem({ message: L.t('photosTooMany') });
      byId('photos').focus();
      return;
    }
    var button = byId('send');
    button.disabled = true;
    button.textContent = L.t('sending');
    showProblem(null);
    var headers = { Accept: 'application/json', 'Idempotency-Key': idempotencyKey };
    var payload;
    if (photos.length > 0) {
      // With photos the same fields go as multipart/form-data; the browser sets the boundary.
      payload = new FormData();
      Object.keys(body).forEach(function (field) {
        if (body[field] !== null) {
          payload.append(field, String(body[field]));
        }
      });
      payload.append('shareLocation', String(byId('share-location').checked));
      Array.prototype.forEach.call(photos, function (photo) { payload.append('photos', photo, photo.name); });
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    window.LangNgheRetry.fetch('/api/feedback', {
      method: 'POST',
      headers: headers,
      body: payload
    }, function (seconds) {
      showProblem({ message: window.LangNgheRetry.message(L.language(), seconds) });
    }).then(function (response) {
      if (response.status === 202) {
        showProblem(null);
        return response.json().then(showReceipt);
      }
      return L.readProblem(response).then(showProblem);
    }).catch(function () {
      showProblem({ message: L.t('networkError') });
    }).then(function () {
      button.disabled = false;
      button.textContent = L.t('send');
    });
  }

  function showReceipt(receipt) {
    byId('tracking-code').textContent = receipt.trackingCode;
    byId('track-link').href = '/track.html?code=' + encodeURIComponent(receipt.trackingCode);
    byId('petition').hidden = true;
    byId('receipt').hidden = false;
    byId('tracking-code').focus();
  }

  function another() {
    byId('petition').reset();
    similar.clear();
    idempotencyKey = newKey();
    showProblem(null);
    byId('receipt').hidden = true;
    byId('petition').hidden = false;
    byId('text').focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    byId('tracking-code').tabIndex = -1;
    byId('petition').addEventListener('submit', submit);
    byId('another').addEventListener('click', another);
    similar = window.LangNgheSimilar.watch({
      text: byId('text'), area: byId('area'), box: byId('similar'), list: byId('similar-list')
    });
    L.onLanguageChange(function () {
      renderAreas();
      if (lastProblem) {
        L.showProblem(byId('errors'), lastProblem);
      }
    });
    loadAreas();
  });
})();
