'use strict';

// The officer's workspace: the department's queue, a case page, and actions that become commands.
// After an action the page asks for the case until its version grows, then shows the new state.
document.addEventListener('DOMContentLoaded', async () => {
  if (!LN.requireRole('OFFICER')) return;
  const $ = id => document.getElementById(id);
  const OPEN = ['new', 'assigned', 'acknowledged', 'in_progress', 'answered', 'reopened'];
  const POLL_EVERY_MS = 1000;
  const POLL_FOR_MS = 60000;
  const state = { page: 0, size: 20, total: 0, vocabulary: null, current: null };

  // Where the petition's words put it: the area and former unit, how sure, and a mark when an officer should confirm.
  function showPlace(place) {
    const dd = $('case-place');
    dd.replaceChildren();
    if (!place) {
      dd.textContent = '—';
      return;
    }
    const named = [place.areaName, place.formerUnitName].filter(Boolean).join(', ');
    dd.appendChild(LN.element('span', null, named + ' (' + Math.round(place.confidence * 100) + '%)'));
    if (place.toConfirm) {
      dd.appendChild(LN.element('strong', 'to-confirm', ' ' + LN.t('case.placeToConfirm')));
    }
    dd.title = (place.reasons || []).join('; ');
  }

  // A letter that holds several requests: each as the case it is proposed to become, with a box to choose it
  // while it is not a case yet; the requests already accepted name their case.
  function showRequests(view) {
    const requests = (view.classification && view.classification.requests) || [];
    const accepted = new Map(((view.letter && view.letter.requests) || []).map(r => [r.index, r.caseId]));
    const choosing = (view.actions || []).includes('accept_requests');
    $('requests-block').hidden = requests.length < 2;
    const list = $('case-requests');
    list.replaceChildren();
    requests.forEach(r => {
      const li = LN.element('li');
      li.dataset.index = r.index;
      const label = LN.element('label');
      if (choosing && !accepted.has(r.index)) {
        const box = LN.element('input');
        box.type = 'checkbox';
        box.value = r.index;
        label.appendChild(box);
      }
      label.appendChild(LN.element('span', 'request-text', ' ' + LN.t('letter.number') + ' ' + r.index + ': ' + r.text));
      li.appendChild(label);
      li.appendChild(LN.element('div', 'meta', [vocabularyName('categories', r.category), vocabularyName('departments', r.department),
        r.area].filter(Boolean).join(' · ')));
      if (accepted.has(r.index)) li.appendChild(LN.element('div', 'muted', LN.t('letter.accepted') + ' ' + accepted.get(r.index)));
      list.appendChild(li);
    });
  }

  // On a letter, the cases made of its requests (department and status as they are now); on such a case, its letter.
  function showLetter(view) {
    const letter = view.letter;
    const requests = (letter && !letter.letterId && letter.requests) || [];
    $('children-block').hidden = requests.length === 0;
    const list = $('case-children');
    list.replaceChildren();
    requests.forEach(r => {
      const li = LN.element('li', 'card child');
      li.dataset.caseId = r.caseId;
      li.dataset.status = r.status || '';
      const meta = LN.element('div', 'meta');
      meta.appendChild(LN.element('span', null, LN.t('letter.number') + ' ' + r.index));
      meta.appendChild(LN.element('span', 'status', r.status ? LN.label(LN.STATUS, r.status) : LN.t('letter.opening')));
      meta.appendChild(LN.element('span', null, LN.named(r.department)));
      li.appendChild(meta);
      if (r.opens) {
        const link = LN.element('a', null, r.caseId);
        link.href = '#case=' + encodeURIComponent(r.caseId);
        li.appendChild(link);
      } else {
        li.appendChild(LN.element('span', 'muted', r.caseId));
      }
      list.appendChild(li);
    });
    const ofLetter = letter && letter.letterId;
    $('letter-block').hidden = !ofLetter;
    $('letter-of').textContent = ofLetter ? LN.t('letter.requestOf').replace('{n}', letter.index) + ' ' + letter.letterId : '';
  }

  function vocabularyName(kind, code) {
    const entry = state.vocabulary && (state.vocabulary[kind] || []).find(e => e.code === code);
    return entry ? LN.named(entry) : code;
  }

  function fillSelect(select, entries, named) {
    entries.forEach(entry => {
      const option = LN.element('option', null, named(entry));
      option.value = entry.code;
      select.appendChild(option);
    });
  }

  function relabelSelects() {
    const v = state.vocabulary;
    [['filter-status', OPEN.map(code => ({ code })), e => LN.label(LN.STATUS, e.code)],
     ['filter-category', v.categories, LN.named], ['filter-area', v.areas, LN.named],
     ['action-department', v.departments, LN.named], ['action-area', v.areas, LN.named]].forEach(([id, entries, named]) => {
      const select = $(id);
      const offset = select.options.length - entries.length;
      entries.forEach((entry, i) => { select.options[offset + i].textContent = named(entry); });
    });
  }

  async function loadQueue() {
    const params = new URLSearchParams({ page: state.page, size: state.size });
    [['q', 'filter-q'], ['status', 'filter-status'], ['category', 'filter-category'], ['area', 'filter-area']]
      .forEach(([name, id]) => { if ($(id).value.trim()) params.set(name, $(id).value.trim()); });
    const list = $('queue');
    try {
      const page = await LN.api('/api/queue?' + params);
      state.total = page.total;
      list.replaceChildren();
      page.items.forEach(item => list.appendChild(card(item)));
      $('queue-total').textContent = page.total + ' ' + LN.t('queue.total');
      if (!page.items.length) list.appendChild(LN.element('li', 'muted', LN.t('queue.empty')));
      $('prev').disabled = state.page === 0;
      $('next').disabled = (state.page + 1) * state.size >= page.total;
    } catch (error) {
      $('queue-total').textContent = LN.problemText(error);
    }
  }

  function card(item) {
    const li = LN.element('li', 'card');
    li.tabIndex = 0;
    li.dataset.caseId = item.caseId;
    const meta = LN.element('div', 'meta');
    if (item.deadline) {
      meta.appendChild(LN.element('span', 'deadline' + (item.deadline.overdue ? ' overdue' : ''),
        LN.lang() === 'en' ? item.deadline.en : item.deadline.vi));
    }
    if (item.urgent) meta.appendChild(LN.element('span', 'deadline overdue', LN.t('case.urgent')));
    if (item.awaitingConfirmation) meta.appendChild(LN.element('span', 'deadline awaiting', LN.t('case.awaitingConfirmation')));
    if (item.riskScore != null) meta.appendChild(LN.element('span', 'risk', LN.label(LN.RISK_LEVEL, item.riskLevel) + ' ' + item.riskScore));
    // the level of a case in an issue is its issue's, which grows with it: say so beside it
    if (item.issue) meta.appendChild(LN.element('span', 'issue', LN.t('queue.issue').replace('{reports}', String(item.issue.reports))));
    meta.appendChild(LN.element('span', 'status', LN.label(LN.STATUS, item.status)));
    meta.appendChild(LN.element('span', null, LN.named(item.category)));
    meta.appendChild(LN.element('span', null, item.area || ''));
    meta.appendChild(LN.element('span', null, item.trackingCode || ''));
    li.appendChild(meta);
    li.appendChild(LN.element('p', 'snippet', item.text));
    const open = () => openCase(item.caseId);
    li.addEventListener('click', open);
    li.addEventListener('keydown', e => { if (e.key === 'Enter') open(); });
    return li;
  }

  async function openCase(caseId) {
    try {
      const view = await LN.api('/api/cases/' + encodeURIComponent(caseId));
      show(view);
      $('queue-section').hidden = true;
      $('case-section').hidden = false;
      $('action-message').textContent = '';
      window.scrollTo(0, 0);
    } catch (error) {
      $('queue-total').textContent = LN.problemText(error);
    }
  }

  function show(view) {
    state.current = view;
    $('case-section').dataset.caseId = view.caseId;
    $('case-section').dataset.version = view.version;
    $('case-code').textContent = view.trackingCode || '';
    $('case-status').textContent = LN.label(LN.STATUS, view.status);
    $('case-status').dataset.status = view.status;
    $('case-text').textContent = view.text || '';
    $('case-channel').textContent = LN.label(LN.CHANNEL, view.channel);
    $('case-area').textContent = view.area || '';
    $('case-category').textContent = LN.named(view.category);
    $('case-department').textContent = LN.named(view.department);
    $('case-created').textContent = LN.dateTime(view.createdAt);
    $('case-due').textContent = LN.dateTime(view.dueAt);
    $('case-deadline').textContent = '';
    $('case-answer').textContent = view.publicAnswer || '—';
    const reasons = $('case-reasons');
    reasons.replaceChildren();
    ((view.classification && view.classification.reasons) || []).forEach(r => reasons.appendChild(LN.element('li', null, r)));
    showPlace(view.classification && view.classification.place);
    showRequests(view);
    showLetter(view);
    const contact = view.contact;
    $('contact-block').hidden = !contact;
    $('contact-erased').hidden = !(contact && contact.erased);
    if (contact) {
      $('contact-name').textContent = contact.name || '—';
      $('contact-phone').textContent = contact.phone || contact.phoneMasked || '—';
      $('contact-address').textContent = contact.address || '—';
    }
    const history = $('case-history');
    history.replaceChildren();
    (view.history || []).forEach(h => history.appendChild(LN.element('li', null,
      [LN.dateTime(h.at), h.actor, h.action, LN.label(LN.STATUS, h.status), h.note].filter(Boolean).join(' · '))));
    $('case-type').textContent = [LN.label(LN.CASE_TYPE, view.caseType || 'petition'),
      view.urgent ? LN.t('case.urgent') : null, view.complex ? LN.t('case.complex') : null,
      view.extensions ? view.extensions + ' ' + LN.t('case.extensions') : null].filter(Boolean).join(' · ');
    showPhotos(view, 'photos', 'case-photos', 'photos-block');
    showPhotos(view, 'answerPhotos', 'case-answer-photos', 'answer-photos-block');
    showRisk(view.risk, view.issue);
    showRating(view.rating);
    showCluster(view);
    showMessages(view);
    showActions(view);
  }

  // What the resident was sent (channel, event, template, time, outcome), from notification-service
  // through this service; the history never holds the contact.
  async function showMessages(view) {
    const list = $('case-messages');
    list.replaceChildren();
    try {
      const history = await LN.api('/api/cases/' + encodeURIComponent(view.caseId) + '/messages');
      const outcomes = (history && history.outcomes) || [];
      if (!outcomes.length) list.appendChild(LN.element('li', 'muted', LN.t('case.noMessages')));
      outcomes.forEach(m => list.appendChild(LN.element('li', null,
        [LN.dateTime(m.at), m.channel, m.event, m.template, m.status, m.note].filter(Boolean).join(' · '))));
    } catch (error) {
      list.appendChild(LN.element('li', 'muted', LN.t('case.messagesFailed')));
    }
  }

  // The petition's photos and the answer's proof, each fetched with the token; a click opens it full size.
  async function showPhotos(view, field, listId, blockId) {
    const list = $(listId);
    list.querySelectorAll('img[data-blob-url]').forEach(img => URL.revokeObjectURL(img.dataset.blobUrl));
    list.replaceChildren();
    const photos = view[field] || [];
    $(blockId).hidden = photos.length === 0;
    for (const photo of photos) {
      const path = '/api/cases/' + encodeURIComponent(view.caseId) + '/photos/' + encodeURIComponent(photo.ref);
      try {
        const img = await LN.photo(path);
        if (!state.current || state.current.caseId !== view.caseId) return;
        img.dataset.ref = photo.ref;
        const link = LN.element('a');
        link.href = img.src;
        link.target = '_blank';
        link.rel = 'noopener';
        link.appendChild(img);
        list.appendChild(link);
      } catch (error) {
        list.appendChild(LN.element('span', 'muted', LN.t('photo.failed')));
      }
    }
  }

  // Photos of proof go to the store first, one by one; the answer then names them (its 202 = Kafka holds it).
  async function uploadProof(caseId) {
    const files = Array.from($('action-photos').files || []);
    if (files.length > 3) {
      const error = new Error('too many');
      error.problem = { title: LN.t('action.tooManyPhotos') };
      throw error;
    }
    const refs = [];
    for (const file of files) {
      $('action-message').textContent = LN.t('action.uploading');
      const form = new FormData();
      form.append('photo', file, file.name);
      const kept = await LN.api('/api/cases/' + encodeURIComponent(caseId) + '/photos', { method: 'POST', body: form });
      refs.push(kept.ref);
    }
    return refs;
  }

  function showRisk(risk, issue) {
    $('risk-block').hidden = !risk;
    if (!risk) return;
    $('case-risk-score').textContent = risk.score + '/100';
    $('case-risk-level').textContent = LN.label(LN.RISK_LEVEL, risk.level);
    const ofIssue = issue && issue.risk;
    $('case-risk-issue').hidden = !ofIssue;
    $('case-risk-issue').textContent = ofIssue ? LN.t('case.issueRisk').replace('{reports}', String(issue.reports))
      .replace('{reporters}', String(issue.reporters)) : '';
    const reasons = $('case-risk-reasons');
    reasons.replaceChildren();
    (risk.reasons || []).forEach(r => reasons.appendChild(LN.element('li', null, r.description + ' (+' + r.weight + ')')));
  }

  function showRating(rating) {
    $('rating-block').hidden = !rating;
    if (!rating) return;
    $('case-rating').textContent = rating.stars + '/5 ' + LN.t('case.stars') + ' · '
      + (rating.fixed ? LN.t('case.fixed') : LN.t('case.notFixed')) + ' · ' + LN.dateTime(rating.ratedAt);
    $('case-rating-comment').hidden = !rating.comment;
    $('case-rating-comment').textContent = rating.comment || '';
  }

  // The other reports of the same issue, as far as this department sees them.
  async function showCluster(view) {
    const list = $('case-cluster');
    list.replaceChildren();
    $('cluster-block').hidden = true;
    if (!view.clusterId) return;
    try {
      const page = await LN.api('/api/cases?' + new URLSearchParams({ cluster: view.clusterId, size: 20 }));
      if (!state.current || state.current.caseId !== view.caseId) return;
      const others = page.items.filter(item => item.caseId !== view.caseId);
      $('cluster-total').textContent = page.total + ' ' + LN.t('case.clusterTotal');
      others.forEach(item => list.appendChild(linkedReport(item)));
      $('cluster-block').hidden = others.length === 0;
    } catch (error) {
      $('action-message').textContent = LN.problemText(error);
    }
  }

  function linkedReport(item) {
    const li = card(Object.assign({}, item, { deadline: null }));
    li.classList.add('linked');
    li.dataset.trackingCode = item.trackingCode || '';
    return li;
  }

  // Only the actions that fit the case as it stands (the server's ActionRules) are offered.
  function showActions(view) {
    const fitting = view.actions || [];
    document.querySelectorAll('button.action').forEach(b => { b.hidden = !fitting.includes(b.dataset.action); });
    $('action-case-type').hidden = !(fitting.includes('confirm_legal_track') && (view.caseType || 'petition') === 'petition');
    // Photos of proof go with an answer only.
    $('action-photos').hidden = !fitting.includes('answer');
    $('action-area').hidden = !fitting.includes('confirm_place');
    document.querySelector("label[for='action-photos']").hidden = !fitting.includes('answer');
  }

  async function act(type) {
    const view = state.current;
    const body = { type };
    if (['answer', 'reject', 'reassign', 'return_to_triage', 'undo_legal_track', 'extend_deadline', 'mark_complex', 'close', 'split', 'merge_back']
      .includes(type)) {
      if ($('action-text').value.trim()) body.text = $('action-text').value;
    }
    // A petition put on the legal track says which: a complaint or a denunciation.
    if (type === 'confirm_legal_track' && (view.caseType || 'petition') === 'petition') body.text = $('action-case-type').value;
    if (type === 'reassign') body.department = $('action-department').value;
    // Confirming the place: the area chosen, and the words of the text box that name it (the resolver learns them).
    if (type === 'confirm_place') {
      body.area = $('action-area').value;
      if ($('action-text').value.trim()) body.text = $('action-text').value;
    }
    if (type === 'merge') body.targetCaseId = $('action-target').value.trim();
    // The requests chosen, by their number in the letter (the server takes none as all of them: not from here).
    if (type === 'accept_requests') {
      body.requests = Array.from(document.querySelectorAll('#case-requests input[type=checkbox]:checked'), b => Number(b.value));
      if (!body.requests.length) {
        $('action-message').textContent = LN.t('letter.chooseOne');
        return;
      }
    }
    const buttons = document.querySelectorAll('button.action');
    buttons.forEach(b => { b.disabled = true; });
    const message = $('action-message');
    try {
      // Without its text the answer is refused anyway: no photo is uploaded for nothing.
      if (type === 'answer' && body.text) {
        const refs = await uploadProof(view.caseId);
        if (refs.length) body.photos = refs;
      }
      await sendAction(view.caseId, body);
      message.textContent = LN.t('action.sent');
      $('action-text').value = '';
      $('action-photos').value = '';
      // accepted requests are opened as cases of their own just after the letter changes: wait for them too
      const opened = fresh => type !== 'accept_requests' || (body.requests || []).every(index =>
        ((fresh.letter && fresh.letter.requests) || []).some(r => r.index === index && r.status));
      await waitForNewVersion(view.caseId, view.version, opened);
    } catch (error) {
      message.textContent = LN.problemText(error);
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  }

  // One key per action the officer means, kept until it is accepted: sending it again after a 503 or a
  // lost answer is the same command, which the case applies once.
  let pendingAction = null;
  function actionKey(caseId, body) {
    const meaning = JSON.stringify([caseId, body.type, body.text || '', body.department || '', body.area || '',
      body.targetCaseId || '', body.requests || []]);
    if (!pendingAction || pendingAction.meaning !== meaning) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      pendingAction = { meaning, key: 'act-' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('') };
    }
    return pendingAction.key;
  }

  async function sendAction(caseId, body) {
    const headers = { 'Idempotency-Key': actionKey(caseId, body) };
    for (let attempt = 1; ; attempt++) {
      try {
        const accepted = await LN.api('/api/cases/' + encodeURIComponent(caseId) + '/actions', { method: 'POST', json: body, headers });
        pendingAction = null;
        return accepted;
      } catch (error) {
        // No answer, or Kafka did not confirm: the same key again is safe; anything else is the officer's to read.
        const mayRetry = !error.problem || error.problem.status === 503;
        if (!mayRetry || error.message === '401' || attempt >= 3) throw error;
        await new Promise(resolve => setTimeout(resolve, 2000 * attempt));
      }
    }
  }

  async function waitForNewVersion(caseId, version, settled) {
    const until = Date.now() + POLL_FOR_MS;
    let shown = null;
    while (Date.now() < until) {
      await new Promise(resolve => setTimeout(resolve, POLL_EVERY_MS));
      try {
        const fresh = await LN.api('/api/cases/' + encodeURIComponent(caseId));
        if (fresh.version > version) {
          // while a letter's requests are being opened, the page is drawn again only when one of them changed
          const seen = JSON.stringify([fresh.version, fresh.letter]);
          if (seen !== shown) show(fresh);
          shown = seen;
          if (settled && !settled(fresh)) continue;
          $('action-message').textContent = LN.t('action.done');
          return;
        }
      } catch (error) {
        // The case may have left the department (reassigned): show that and go back to the queue.
        if (error.problem && error.problem.status === 404) { $('back').click(); return; }
      }
    }
    $('action-message').textContent = LN.t('action.slow');
  }

  $('filters').addEventListener('submit', e => { e.preventDefault(); state.page = 0; loadQueue(); });
  $('prev').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); loadQueue(); });
  $('next').addEventListener('click', () => { state.page += 1; loadQueue(); });
  $('back').addEventListener('click', () => {
    // the next link to the same case opens it again
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
    $('case-section').hidden = true;
    $('queue-section').hidden = false;
    loadQueue();
  });
  document.querySelectorAll('button.action').forEach(b => b.addEventListener('click', () => act(b.dataset.action)));
  LN.onLanguage(() => {
    relabelSelects();
    if (!$('case-section').hidden && state.current) show(state.current);
    else loadQueue();
  });

  try {
    state.vocabulary = await LN.api('/api/taxonomy');
    fillSelect($('filter-status'), OPEN.map(code => ({ code })), e => LN.label(LN.STATUS, e.code));
    fillSelect($('filter-category'), state.vocabulary.categories, LN.named);
    fillSelect($('filter-area'), state.vocabulary.areas, LN.named);
    fillSelect($('action-department'), state.vocabulary.departments, LN.named);
    fillSelect($('action-area'), state.vocabulary.areas, LN.named);
  } catch (error) {
    $('queue-total').textContent = LN.problemText(error);
  }
  loadQueue();
  // a link from a digest or an escalation e-mail, or from a letter to one of its requests: officer.html#case=<caseId>
  const caseInLink = () => { if (location.hash.startsWith('#case=')) openCase(decodeURIComponent(location.hash.slice('#case='.length))); };
  window.addEventListener('hashchange', caseInLink);
  caseInLink();
});
