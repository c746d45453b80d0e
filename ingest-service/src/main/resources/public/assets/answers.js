// The page of answered petitions: GET /api/public/requests (ingest-service reads it from search-service,
// which masks names, phones and e-mails). Whatever a resident or the ward wrote is set with textContent.
// A petition is linked by its public id (?id=...), never by its tracking code, the resident's secret.
(function () {
  'use strict';

  var L = window.LangNghe;
  var PAGE_SIZE = 10;
  var ANSWERED = 'answered,resolved,closed';
  var page = 0;
  var area = '';
  var only = '';
  var areas = [];
  var list = null;
  var problem = null;

  function byId(id) {
    return document.getElementById(id);
  }

  // Dates are the ward's, shown in Vietnam's time whatever the phone's zone.
  function day(iso) {
    var date = iso ? new Date(iso) : null;
    if (!date || isNaN(date.getTime())) {
      return iso || '';
    }
    return date.toLocaleDateString(L.language() === 'vi' ? 'vi-VN' : 'en-GB',
      { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function labelled(label, value, className) {
    var block = element('div', className);
    block.appendChild(element('h3', null, label));
    block.appendChild(element('p', null, value));
    return block;
  }

  function item(petition) {
    var li = element('li', 'answered');
    li.setAttribute('data-public-id', petition.publicId);
    var heading = [L.name(petition.category), L.name(petition.area)].filter(Boolean).join(' · ');
    var title = element('h2');
    var link = element('a', 'answered-link', heading || L.t('petitionLabel'));
    link.href = '/answers.html?id=' + encodeURIComponent(petition.publicId);
    title.appendChild(link);
    li.appendChild(title);
    var meta = element('p', 'answered-meta');
    meta.appendChild(document.createTextNode(L.t('receivedOn') + ' ' + day(petition.receivedAt)
      + ' · ' + L.t('answeredOn') + ' ' + day(petition.updatedAt)));
    li.appendChild(meta);
    li.appendChild(element('p', 'answered-status',
      (L.t('status.' + petition.status) || petition.status) + (petition.department ? ' · ' + L.name(petition.department) : '')));
    li.appendChild(labelled(L.t('petitionLabel'), petition.text, 'answered-text'));
    li.appendChild(labelled(L.t('answerLabel'), petition.publicAnswer || L.t('notYet'), 'answer'));
    return li;
  }

  function renderAreas() {
    var select = byId('area');
    while (select.options.length > 1) {
      select.remove(1);
    }
    areas.forEach(function (known) {
      var option = element('option', null, L.language() === 'vi' ? known.vi : known.en);
      option.value = known.code;
      select.appendChild(option);
    });
    select.value = area;
  }

  function render() {
    L.showProblem(byId('errors'), problem);
    var answers = byId('answers');
    answers.textContent = '';
    var items = list ? list.items : [];
    items.forEach(function (petition) { answers.appendChild(item(petition)); });
    byId('empty').hidden = !list || items.length > 0;
    var pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 0;
    byId('page-of').textContent = list && list.total > 0 ? L.t('page') + ' ' + (page + 1) + ' / ' + pages : '';
    byId('previous').hidden = !list || page === 0;
    byId('next').hidden = !list || page + 1 >= pages;
    renderAreas();
  }

  function load() {
    byId('loading').hidden = false;
    // one petition asked for by its public id is shown whatever its status
    var query = '?size=' + PAGE_SIZE + '&page=' + page
      + (only ? '&ids=' + encodeURIComponent(only) : '&status=' + encodeURIComponent(ANSWERED))
      + (area ? '&area=' + encodeURIComponent(area) : '');
    fetch('/api/public/requests' + query, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.ok) {
          return response.json().then(function (found) { list = found; problem = null; });
        }
        return L.readProblem(response).then(function (answer) { list = null; problem = answer; });
      })
      .catch(function () {
        list = null;
        problem = { message: L.t('networkError') };
      })
      .then(function () {
        byId('loading').hidden = true;
        render();
      });
  }

  // The page and area stay in the address, so a list can be shared or reloaded as it is.
  function go(toPage) {
    page = toPage;
    var params = new URLSearchParams();
    if (area) {
      params.set('area', area);
    }
    if (page > 0) {
      params.set('page', String(page + 1));
    }
    var search = params.toString();
    window.history.replaceState(null, '', '/answers.html' + (search ? '?' + search : ''));
    load();
  }

  document.addEventListener('DOMContentLoaded', function () {
    L.onLanguageChange(render);
    var params = new URLSearchParams(window.location.search);
    area = params.get('area') || '';
    only = params.get('id') || '';
    var typed = parseInt(params.get('page') || '1', 10);
    page = isNaN(typed) || typed < 1 ? 0 : typed - 1;
    byId('previous').addEventListener('click', function () { go(page - 1); });
    byId('next').addEventListener('click', function () { go(page + 1); });
    byId('area').addEventListener('change', function () { area = byId('area').value; go(0); });
    byId('filter').addEventListener('submit', function (event) { event.preventDefault(); });
    fetch('/api/areas', { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (known) { areas = Array.isArray(known) ? known : []; renderAreas(); })
      .catch(function () { /* the list still works without the area filter's names */ });
    load();
  });
})();
