// The hotline console: an OPERATOR signs in (POST /api/login, token kept for this tab only), types
// what a caller says, sees the open look-alike cases of the area, and files the call as a new case
// or attached to one of them; the caller's own tracking code is shown large to read out.
(function () {
  'use strict';

  var L = window.LangNghe;
  var TOKEN_KEY = 'langnghe.operator-token';
  var areas = [];
  var similar = null;
  var idempotencyKey = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function token() {
    try {
      return window.sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  function keepToken(value) {
    try {
      if (value) {
        window.sessionStorage.setItem(TOKEN_KEY, value);
      } else {
        window.sessionStorage.removeItem(TOKEN_KEY);
      }
    } catch (e) {
      // without storage the operator signs in again on reload
    }
  }

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  function show(which) {
    byId('login').hidden = which !== 'login';
    byId('call').hidden = which !== 'call';
    byId('receipt').hidden = which !== 'receipt';
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

  function login(event) {
    event.preventDefault();
    L.showProblem(byId('login-errors'), null);
    fetch('/api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ username: byId('username').value.trim(), password: byId('password').value })
    }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (answer) {
          keepToken(answer.access_token);
          byId('password').value = '';
          startCall();
        });
      }
      return L.readProblem(response).then(function (problem) { L.showProblem(byId('login-errors'), problem); });
    }).catch(function () {
      L.showProblem(byId('login-errors'), { message: L.t('networkError') });
    });
  }

  function logout() {
    keepToken(null);
    show('login');
    byId('username').focus();
  }

  function startCall() {
    byId('call').reset();
    similar.clear();
    L.showProblem(byId('errors'), null);
    idempotencyKey = newKey();
    show('call');
    byId('text').focus();
  }

  function optional(value) {
    var trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }

  function send(caseRef) {
    var body = {
      text: byId('text').value,
      channel: 'hotline',
      area: optional(byId('area').value),
      name: optional(byId('name').value),
      phone: optional(byId('phone').value),
      consentToContact: byId('consent').checked,
      caseRef: caseRef
    };
    L.showProblem(byId('errors'), null);
    window.LangNgheRetry.fetch('/api/feedback', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json', Accept: 'application/json',
        'Idempotency-Key': idempotencyKey, Authorization: 'Bearer ' + token()
      },
      body: JSON.stringify(body)
    }, function (seconds) {
      L.showProblem(byId('errors'), { message: window.LangNgheRetry.message(L.language(), seconds) });
    }).then(function (response) {
      if (response.status === 202) {
        L.showProblem(byId('errors'), null);
        return response.json().then(function (receipt) { showReceipt(receipt, caseRef); });
      }
      if (response.status === 401) {
        keepToken(null);
        show('login');
        L.showProblem(byId('login-errors'), { message: L.t('sessionExpired') });
        return null;
      }
      return L.readProblem(response).then(function (problem) { L.showProblem(byId('errors'), problem); });
    }).catch(function () {
      L.showProblem(byId('errors'), { message: L.t('networkError') });
    });
  }

  function showReceipt(receipt, caseRef) {
    byId('tracking-code').textContent = receipt.trackingCode;
    byId('attached').hidden = !caseRef;
    byId('attached-code').textContent = caseRef || '';
    show('receipt');
    byId('next').focus();
  }

  function attachButton(item) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary attach';
    button.textContent = L.t('attach');
    button.setAttribute('data-case', item.trackingCode);
    button.addEventListener('click', function () { send(item.trackingCode); });
    return button;
  }

  document.addEventListener('DOMContentLoaded', function () {
    byId('login').addEventListener('submit', login);
    byId('logout').addEventListener('click', logout);
    byId('call').addEventListener('submit', function (event) { event.preventDefault(); send(null); });
    byId('next').addEventListener('click', startCall);
    similar = window.LangNgheSimilar.watch({
      text: byId('text'), area: byId('area'), box: byId('similar'), list: byId('similar-list'),
      token: token, action: attachButton
    });
    L.onLanguageChange(renderAreas);
    fetch('/api/areas', { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (list) { areas = Array.isArray(list) ? list : []; renderAreas(); })
      .catch(function () { /* an address can still be typed into the words */ });
    if (token()) {
      startCall();
    } else {
      show('login');
    }
  });
})();
