// The tracking page: GET /api/track/{code} (ingest-service reads it from search-service), and once
// the ward has answered, the resident's rating: POST /api/track/{code}/rating.
(function () {
  'use strict';

  var L = window.LangNghe;
  var view = null;
  var problem = null;
  var ratingProblem = null;
  var ratingSent = null;
  // The statuses in which the ward has answered, so the answer can be rated.
  var RATEABLE = ['answered', 'resolved', 'closed'];

  function byId(id) {
    return document.getElementById(id);
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
    byId('department-value').textContent = L.name(view.department) || L.t('notAssigned');
    byId('deadline-value').textContent = when(view.dueAt);
    byId('answer-value').textContent = view.publicAnswer || L.t('notYet');
    renderAnswerPhotos();
    renderRequests();
    renderRating();
  }

  // A letter the ward took up as separate requests: each with its department, status and answer (text only).
  function renderRequests() {
    var requests = view.requests || [];
    var list = byId('requests');
    byId('requests-block').hidden = requests.length === 0;
    list.replaceChildren();
    requests.forEach(function (request) {
      var item = document.createElement('li');
      item.dataset.number = request.number;
      item.dataset.status = request.status || '';
      var title = document.createElement('h3');
      title.textContent = L.t('requestNumber') + ' ' + request.number
        + (request.category ? ' · ' + L.name(request.category) : '');
      item.appendChild(title);
      var facts = document.createElement('dl');
      [['statusLabel', !request.status ? L.t('requestOpening')
          : request.status === 'merged' ? L.t('request.merged') : (L.t('status.' + request.status) || request.status)],
        ['departmentLabel', L.name(request.department) || L.t('notAssigned')],
        ['deadlineLabel', when(request.dueAt)],
        ['answerLabel', request.publicAnswer || L.t('notYet')]].forEach(function (pair) {
        var term = document.createElement('dt');
        term.textContent = L.t(pair[0]);
        var value = document.createElement('dd');
        value.className = pair[0] === 'answerLabel' ? 'answer' : '';
        value.textContent = pair[1];
        facts.appendChild(term);
        facts.appendChild(value);
      });
      item.appendChild(facts);
      list.appendChild(item);
    });
  }

  // The ward's photos of proof: public like the answer, served by reference under this code only.
  function renderAnswerPhotos() {
    var photos = view.answerPhotos || [];
    var list = byId('answer-photos');
    byId('answer-photos-block').hidden = photos.length === 0;
    var wanted = photos.map(function (photo) {
      return '/api/track/' + encodeURIComponent(view.trackingCode) + '/photos/' + encodeURIComponent(photo.ref);
    }).join(' ');
    if (list.dataset.shown === wanted) {
      return;
    }
    list.dataset.shown = wanted;
    list.replaceChildren();
    photos.forEach(function (photo) {
      var img = document.createElement('img');
      img.className = 'photo';
      img.alt = L.t('answerPhotoAlt');
      img.loading = 'lazy';
      img.src = '/api/track/' + encodeURIComponent(view.trackingCode) + '/photos/' + encodeURIComponent(photo.ref);
      img.dataset.ref = photo.ref;
      list.appendChild(img);
    });
  }

  function renderRating() {
    var rateable = view !== null && RATEABLE.indexOf(view.status) >= 0;
    byId('rating').hidden = !rateable;
    if (!rateable) {
      return;
    }
    var saved = view.rating;
    byId('rating-saved').hidden = !saved;
    if (saved) {
      byId('rating-saved').textContent = L.t('ratingSaved') + ' ' + saved.stars + '/5 ' + L.t('ratingStars') + ' · '
        + (saved.fixed ? L.t('ratingFixed') : L.t('ratingNotFixed')) + ' · ' + when(saved.ratedAt);
    }
    byId('rating-form').hidden = ratingSent !== null;
    L.showProblem(byId('rating-errors'), ratingProblem);
    byId('rating-thanks').hidden = ratingSent === null;
    if (ratingSent !== null) {
      byId('rating-thanks').textContent = L.t('ratingThanks')
        + (ratingSent.fixed ? '' : ' ' + L.t(ratingSent.reopens ? 'ratingReopens' : 'ratingAwaitsOfficer'));
    }
  }

  function checked(name) {
    var input = document.querySelector('input[name="' + name + '"]:checked');
    return input ? input.value : null;
  }

  function sendRating(event) {
    event.preventDefault();
    var stars = checked('stars');
    var fixed = checked('fixed');
    if (stars === null || fixed === null) {
      ratingProblem = { message: L.t('ratingChoose') };
      renderRating();
      return;
    }
    var rating = { stars: parseInt(stars, 10), fixed: fixed === 'true' };
    // the proof that this is the resident: the code alone may have been shared
    var proof = byId('rating-proof').value.trim();
    if (proof) {
      rating.proof = proof;
    }
    var comment = byId('rating-comment').value.trim();
    if (comment !== '') {
      rating.comment = comment;
    }
    byId('rating-send').disabled = true;
    fetch('/api/track/' + encodeURIComponent(view.trackingCode) + '/rating', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(rating)
    })
      .then(function (response) {
        if (response.ok) {
          return response.json().then(function (accepted) {
            ratingSent = rating;
            // a "not fixed" reopens at once only with the phone's proof; else an officer confirms it
            ratingSent.reopens = accepted.reopens === true;
            ratingProblem = null;
          });
        }
        return L.readProblem(response).then(function (answer) { ratingProblem = answer; });
      })
      .catch(function () {
        ratingProblem = { message: L.t('networkError') };
      })
      .then(function () {
        byId('rating-send').disabled = false;
        renderRating();
      });
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
    byId('rating-form').addEventListener('submit', sendRating);
    var code = new URLSearchParams(window.location.search).get('code');
    if (code && code.trim() !== '') {
      byId('code').value = code;
      lookUp(code.trim());
    }
  });
})();
