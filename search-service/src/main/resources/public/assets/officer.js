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
     ['action-department', v.departments, LN.named]].forEach(([id, entries, named]) => {
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
    meta.appendChild(LN.element('span', 'deadline' + (item.deadline.overdue ? ' overdue' : ''),
      LN.lang() === 'en' ? item.deadline.en : item.deadline.vi));
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
    const contact = view.contact;
    $('contact-block').hidden = !contact;
    if (contact) {
      $('contact-name').textContent = contact.name || '—';
      $('contact-phone').textContent = contact.phone || contact.phoneMasked || '—';
      $('contact-address').textContent = contact.address || '—';
    }
    const history = $('case-history');
    history.replaceChildren();
    (view.history || []).forEach(h => history.appendChild(LN.element('li', null,
      [LN.dateTime(h.at), h.actor, h.action, LN.label(LN.STATUS, h.status), h.note].filter(Boolean).join(' · '))));
  }

  async function act(type) {
    const view = state.current;
    const body = { type };
    if (type === 'answer' || type === 'reject' || type === 'reassign' || type === 'return_to_triage') {
      if ($('action-text').value.trim()) body.text = $('action-text').value;
    }
    if (type === 'reassign') body.department = $('action-department').value;
    if (type === 'merge') body.targetCaseId = $('action-target').value.trim();
    const buttons = document.querySelectorAll('button.action');
    buttons.forEach(b => { b.disabled = true; });
    const message = $('action-message');
    try {
      await LN.api('/api/cases/' + encodeURIComponent(view.caseId) + '/actions', { method: 'POST', json: body });
      message.textContent = LN.t('action.sent');
      $('action-text').value = '';
      await waitForNewVersion(view.caseId, view.version);
    } catch (error) {
      message.textContent = LN.problemText(error);
    } finally {
      buttons.forEach(b => { b.disabled = false; });
    }
  }

  async function waitForNewVersion(caseId, version) {
    const until = Date.now() + POLL_FOR_MS;
    while (Date.now() < until) {
      await new Promise(resolve => setTimeout(resolve, POLL_EVERY_MS));
      try {
        const fresh = await LN.api('/api/cases/' + encodeURIComponent(caseId));
        if (fresh.version > version) {
          show(fresh);
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
  } catch (error) {
    $('queue-total').textContent = LN.problemText(error);
  }
  loadQueue();
});
