// Shared by every page: language, the login token, API calls. Text from the server is always
// put into the page with textContent, never as HTML.
'use strict';

const LN = (() => {
  const EN = {
    'login.title': 'Staff login',
    'login.intro': 'For ward officers and leaders. Residents follow their petition with its tracking code.',
    'login.username': 'Username', 'login.password': 'Password', 'login.submit': 'Log in',
    'login.failed': 'Wrong username or password.',
    'logout': 'Log out', 'prev': 'Previous', 'next': 'Next',
    'queue.title': "The department's queue", 'queue.search': 'Search the text', 'queue.anyStatus': 'Any status',
    'queue.anyCategory': 'Any category', 'queue.anyArea': 'Any residential group', 'queue.apply': 'Filter',
    'queue.total': 'open cases', 'queue.empty': 'No open case matches.',
    'case.back': '← Back to the queue', 'case.title': 'Case', 'case.channel': 'Channel', 'case.area': 'Residential group',
    'case.place': 'Place the resident named', 'action.confirm_place': 'Confirm the place (text box: the words that name it)', 'case.placeToConfirm': 'to confirm',
    'case.requests': 'A letter with several requests: proposed as separate cases',
    'case.requestsHint': 'Choose the requests that become cases of their own, each going to its proposed department.',
    'action.accept_requests': 'Accept as separate cases', 'action.merge_back': 'Merge back into the letter',
    'case.children': 'Cases made of this letter', 'letter.number': 'Request', 'letter.opening': 'being opened…',
    'letter.accepted': 'already a case:', 'letter.requestOf': 'Request {n} of the letter', 'letter.chooseOne': 'Choose at least one request.',
    'case.category': 'Category', 'case.department': 'Department', 'case.createdAt': 'Received', 'case.dueAt': 'Due',
    'case.answer': 'Public answer', 'case.reasons': 'Why it was classified so', 'case.contact': "Resident's contact",
    'case.contactErased': "The resident's contact was erased, on request or at the end of the retention period.",
    'case.name': 'Name', 'case.phone': 'Phone', 'case.address': 'Address', 'case.history': 'History', 'case.actions': 'Actions',
    'case.messages': 'Messages sent', 'case.noMessages': 'No message yet.', 'case.messagesFailed': 'Messages unavailable.',
    'action.acknowledge': 'Acknowledge', 'action.start': 'Start work', 'action.resolve': 'Resolved',
    'action.return_to_triage': 'Return to triage', 'action.textLabel': 'Answer to the resident / reason',
    'action.answer': 'Send answer', 'action.reject': 'Reject (give reason)', 'action.reassign': 'Reassign',
    'action.merge': 'Merge', 'action.targetPlaceholder': 'Case id to merge into',
    'action.sent': 'Action recorded; waiting for the case to update…', 'action.done': 'Case updated.',
    'action.slow': 'The action was recorded; the case has not changed yet. It will show once processed.',
    'case.type': 'Kind', 'case.risk': 'Risk of a formal complaint', 'case.cluster': 'Other reports of the same issue',
    'case.rating': "The resident's rating", 'case.fixed': 'really fixed', 'case.notFixed': 'not fixed',
    'case.stars': 'stars', 'case.clusterTotal': 'reports of this issue in the department',
    'case.issueRisk': "The whole issue's risk now: {reports} reports from {reporters} residents",
    'queue.issue': 'issue: {reports} reports',
    'case.urgent': 'urgent', 'case.awaitingConfirmation': 'not fixed, awaiting confirmation', 'case.complex': 'complex (45 days)', 'case.extensions': 'extensions',
    'action.legalTrack': 'Complaints, denunciations and closing',
    'caseType.complaint': 'Complaint', 'caseType.denunciation': 'Denunciation',
    'action.confirm_legal_track': 'Confirm as complaint / denunciation',
    'action.undo_legal_track': 'Back to an ordinary petition (give reason)',
    'action.mark_complex': 'Complex case (45 days)', 'action.extend_deadline': 'Extend the deadline (give reason)',
    'action.close': 'Close the case', 'action.split': 'Not the same issue: split it off (reason in the text box)',
    'case.photos': "The resident's photos", 'case.answerPhotos': "Photos of the answer's proof",
    'action.photosLabel': 'Photos of proof (at most 3, attached to the answer)',
    'action.tooManyPhotos': 'At most 3 photos per answer.', 'action.uploading': 'Uploading the photos…',
    'photo.alt': 'Photo', 'photo.failed': 'The photo could not be loaded.',
    'dash.clusters': 'Issues by size (open reports)', 'dash.cluster': 'Issue', 'dash.reports': 'Reports',
    'dash.area': 'Residential group', 'dash.category': 'Category', 'dash.maxRisk': 'Risk now',
    'dash.lastReport': 'Latest report', 'dash.noClusters': 'No issue has several reports.',
    'dash.ratings': 'Ratings', 'dash.meanStars': 'Mean stars', 'dash.fixedShare': 'Really fixed',
    'dash.meetingPlaceholder': 'Voter-contact meeting (batch) id', 'dash.meetingExport': 'Answers to the voters (Excel)',
    'dash.title': "Leader's dashboard", 'dash.from': 'From', 'dash.to': 'To', 'dash.apply': 'Show',
    'dash.perDay': 'Petitions per day', 'dash.byCategory': 'By category', 'dash.byArea': 'By residential group',
    'dash.byChannel': 'By channel', 'dash.byStatus': 'By status', 'dash.departments': 'Departments now',
    'dash.department': 'Department', 'dash.open': 'Open', 'dash.overdue': 'Overdue', 'dash.answered': 'Answered',
    'dash.total': 'petitions in the period', 'dash.exportXlsx': 'Export Excel', 'dash.exportCsv': 'Export CSV',
    'dash.alerts': 'Early warnings', 'dash.ack': 'Taken in hand', 'dash.acked': 'taken in hand by', 'dash.noAlerts': 'No warning.',
    'dash.risk': 'risk',
    'dash.onTime': 'On time', 'dash.toAcknowledge': 'Taken in hand after (median)',
    'dash.toResolve': 'Resolved after (median)', 'dash.emerging': 'Words emerging in the last 7 days',
    'dash.emergingHint': 'Against the 90 days before (without diacritics).', 'dash.noWords': 'No new word stands out.',
    'dash.minutes': 'min', 'dash.hours': 'h', 'dash.days': 'd', 'dash.petitions': 'petitions',
    'error.generic': 'Something went wrong; please try again.'
  };
  const VI = {
    'case.placeToConfirm': 'cần xác nhận',
    'letter.number': 'Kiến nghị', 'letter.opening': 'đang mở hồ sơ…', 'letter.accepted': 'đã thành hồ sơ:',
    'letter.requestOf': 'Kiến nghị số {n} của đơn', 'letter.chooseOne': 'Hãy chọn ít nhất một kiến nghị.',
    'login.failed': 'Sai tên đăng nhập hoặc mật khẩu.',
    'queue.total': 'hồ sơ đang mở', 'queue.empty': 'Không có hồ sơ đang mở nào phù hợp.',
    'action.sent': 'Đã ghi nhận thao tác; đang chờ hồ sơ cập nhật…', 'action.done': 'Hồ sơ đã được cập nhật.',
    'action.slow': 'Thao tác đã được ghi nhận; hồ sơ chưa thay đổi. Trang sẽ hiện khi xử lý xong.',
    'dash.total': 'phản ánh trong khoảng thời gian', 'dash.ack': 'Đã nắm', 'dash.acked': 'đã được nắm bởi',
    'dash.noAlerts': 'Không có cảnh báo.', 'dash.risk': 'mức rủi ro',
    'dash.noWords': 'Chưa có từ nào nổi bật.', 'dash.minutes': 'phút', 'dash.hours': 'giờ', 'dash.days': 'ngày',
    'dash.petitions': 'phản ánh',
    'case.fixed': 'đã khắc phục', 'case.notFixed': 'chưa khắc phục', 'case.stars': 'sao',
    'case.clusterTotal': 'phản ánh của vụ việc này trong phòng',
    'case.issueRisk': 'Mức rủi ro hiện nay của cả vụ việc: {reports} phản ánh của {reporters} người dân',
    'queue.issue': 'vụ việc: {reports} phản ánh', 'case.urgent': 'khẩn', 'case.awaitingConfirmation': 'chưa khắc phục, chờ xác nhận',
    'case.noMessages': 'Chưa có tin nhắn.', 'case.messagesFailed': 'Không tải được tin nhắn.',
    'case.complex': 'phức tạp (45 ngày)', 'case.extensions': 'lần gia hạn',
    'dash.noClusters': 'Chưa có vụ việc nào được nhiều người phản ánh.',
    'action.tooManyPhotos': 'Tối đa 3 ảnh cho mỗi câu trả lời.', 'action.uploading': 'Đang tải ảnh lên…',
    'photo.alt': 'Ảnh', 'photo.failed': 'Không tải được ảnh.',
    'error.generic': 'Có lỗi xảy ra; vui lòng thử lại.'
  };
  const CASE_TYPE = { petition: ['Kiến nghị, phản ánh', 'Petition'], complaint: ['Khiếu nại', 'Complaint'],
    denunciation: ['Tố cáo', 'Denunciation'] };
  const RISK_LEVEL = { none: ['Thấp', 'Low'], watch: ['Theo dõi', 'Watch'], warning: ['Cảnh báo', 'Warning'],
    critical: ['Nghiêm trọng', 'Critical'] };
  const STATUS = {
    new: ['Mới', 'New'], assigned: ['Đã phân công', 'Assigned'], acknowledged: ['Đã tiếp nhận', 'Acknowledged'],
    in_progress: ['Đang xử lý', 'In progress'], answered: ['Đã trả lời', 'Answered'], reopened: ['Mở lại', 'Reopened'],
    resolved: ['Đã giải quyết', 'Resolved'], closed: ['Đã đóng', 'Closed'], rejected: ['Từ chối', 'Rejected'],
    merged: ['Đã gộp', 'Merged']
  };
  const CHANNEL = {
    web: ['Cổng web', 'Web'], hotline: ['Đường dây nóng', 'Hotline'], group_meeting: ['Họp tổ dân phố', 'Group meeting'],
    voter_meeting: ['Tiếp xúc cử tri', 'Voter meeting'], sms: ['Tin nhắn SMS', 'SMS'], zalo: ['Zalo', 'Zalo'],
    open311: ['Open311', 'Open311']
  };
  const originals = new Map();

  function lang() { return localStorage.getItem('lang') === 'en' ? 'en' : 'vi'; }
  function t(key) { return (lang() === 'en' ? EN[key] : VI[key]) || originals.get(key) || key; }
  function label(map, code) { const pair = map[code]; return pair ? pair[lang() === 'en' ? 1 : 0] : (code || ''); }
  function named(entry) { if (!entry) return ''; return (lang() === 'en' ? entry.en : entry.vi) || entry.code || ''; }

  function applyLanguage() {
    document.documentElement.lang = lang();
    document.querySelectorAll('[data-i18n]').forEach(el => {
      const key = el.dataset.i18n;
      if (!originals.has(key)) originals.set(key, el.textContent);
      el.textContent = lang() === 'en' ? (EN[key] || originals.get(key)) : originals.get(key);
    });
    document.querySelectorAll('[data-i18n-placeholder]').forEach(el => {
      const key = 'ph:' + el.dataset.i18nPlaceholder;
      if (!originals.has(key)) originals.set(key, el.placeholder);
      el.placeholder = lang() === 'en' ? (EN[el.dataset.i18nPlaceholder] || originals.get(key)) : originals.get(key);
    });
    const button = document.getElementById('lang');
    if (button) button.textContent = lang() === 'en' ? 'Tiếng Việt' : 'English';
  }

  const listeners = [];
  function onLanguage(fn) { listeners.push(fn); }

  function token() { return sessionStorage.getItem('token'); }
  function claims() {
    const jwt = token();
    if (!jwt) return null;
    try {
      const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(atob(part).split('').map(c => '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2)).join(''));
      return JSON.parse(json);
    } catch (e) { return null; }
  }
  function role() { const c = claims(); return c && Array.isArray(c.roles) ? c.roles[0] : null; }

  function requireRole(expected) {
    if (role() !== expected) { window.location.replace('/'); return false; }
    const c = claims();
    const who = document.getElementById('who');
    if (who) who.textContent = c.sub + (c.department ? ' · ' + c.department : '');
    return true;
  }

  /** Downloads what an API answers (the token rides in the header, so a plain link cannot). */
  async function download(path) {
    const response = await fetch(path, { headers: { 'Authorization': 'Bearer ' + token() } });
    if (!response.ok) {
      const error = new Error(response.statusText);
      error.problem = await response.json().catch(() => null);
      throw error;
    }
    const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    const url = URL.createObjectURL(await response.blob());
    const link = element('a');
    link.href = url;
    link.download = match ? match[1] : 'langnghe-export';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /**
   * A photo behind the bearer token: an <img> cannot send the token itself, so the bytes are fetched
   * and shown from a blob URL (revoked when the image is replaced).
   */
  async function photo(path, alt) {
    const img = element('img', 'photo');
    img.alt = alt || t('photo.alt');
    const response = await fetch(path, { headers: { 'Authorization': 'Bearer ' + token() } });
    if (!response.ok) throw new Error(response.statusText);
    const url = URL.createObjectURL(await response.blob());
    img.src = url;
    img.dataset.blobUrl = url;
    return img;
  }

  async function api(path, options) {
    const init = Object.assign({ headers: {} }, options || {});
    init.headers = Object.assign({ 'Accept': 'application/json', 'Authorization': 'Bearer ' + token() }, init.headers);
    if (init.json !== undefined) {
      init.body = JSON.stringify(init.json);
      init.headers['Content-Type'] = 'application/json';
      delete init.json;
    }
    const response = await fetch(path, init);
    if (response.status === 401) { sessionStorage.removeItem('token'); window.location.replace('/'); throw new Error('401'); }
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error((body && (body.detail || body.title)) || response.statusText);
      error.problem = body;
      throw error;
    }
    return body;
  }

  /** The message of a problem+json answer, the half in the page's language. */
  function problemText(error) {
    const problem = error.problem;
    if (!problem) return t('error.generic');
    const pick = s => { const parts = (s || '').split(' / '); return lang() === 'en' && parts.length > 1 ? parts[1] : parts[0]; };
    const fields = (problem.errors || []).map(e => lang() === 'en' ? e.message_en : e.message_vi);
    return [pick(problem.title)].concat(fields.length ? fields : [pick(problem.detail)]).join(' — ');
  }

  function dateTime(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString(lang() === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short' });
  }

  function element(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined && text !== null) el.textContent = text;
    return el;
  }

  document.addEventListener('DOMContentLoaded', () => {
    applyLanguage();
    const button = document.getElementById('lang');
    if (button) button.addEventListener('click', () => {
      localStorage.setItem('lang', lang() === 'en' ? 'vi' : 'en');
      applyLanguage();
      listeners.forEach(fn => fn());
    });
    const logout = document.getElementById('logout');
    if (logout) logout.addEventListener('click', () => { sessionStorage.removeItem('token'); window.location.replace('/'); });
  });

  return { t, lang, label, named, STATUS, CHANNEL, CASE_TYPE, RISK_LEVEL, onLanguage, token, claims, role, requireRole, api, download, photo, problemText, dateTime, element };
})();
