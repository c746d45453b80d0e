// Lắng Nghe resident pages: Vietnamese first, English on request; the choice is remembered.
// Every label lives here in both languages; whatever a resident or the ward wrote is only ever set
// with textContent, never as markup.
(function () {
  'use strict';

  var STORAGE_KEY = 'langnghe.language';

  var LABELS = {
    vi: {
      brand: 'Lắng Nghe · Phường Đông Sơn',
      switchLanguage: 'English',
      formTitle: 'Gửi kiến nghị, phản ánh',
      formLead: 'Phường tiếp nhận và chuyển đến đơn vị phụ trách trong vài giây. Bạn sẽ nhận được mã tra cứu để theo dõi.',
      textLabel: 'Nội dung kiến nghị',
      textHint: 'Mô tả sự việc, ở đâu và từ khi nào.',
      areaLabel: 'Tổ dân phố',
      areaNone: '— Chọn tổ dân phố —',
      addressLabel: 'Địa chỉ (số nhà, ngõ, đường)',
      nameLabel: 'Họ và tên (không bắt buộc)',
      phoneLabel: 'Số điện thoại (không bắt buộc)',
      consentLabel: 'Tôi đồng ý để cán bộ phường liên hệ lại với tôi về kiến nghị này.',
      photosLabel: 'Ảnh (không bắt buộc, tối đa 3 ảnh JPEG, PNG hoặc WebP, mỗi ảnh đến 5 MB)',
      shareLocationLabel: 'Giữ vị trí chụp (GPS) trong ảnh để cán bộ tìm đúng chỗ. Nếu không chọn, phường xoá vị trí khỏi ảnh.',
      photosTooMany: 'Chỉ gửi được tối đa 3 ảnh.',
      similarTitle: 'Vụ việc tương tự đang được xử lý ở tổ dân phố này',
      similarHint: 'Nếu là cùng một việc, bạn có thể theo dõi vụ việc đó thay vì gửi lại.',
      consoleTitle: 'Tổng đài tiếp nhận',
      loginTitle: 'Đăng nhập tổng đài viên',
      usernameLabel: 'Tên đăng nhập',
      passwordLabel: 'Mật khẩu',
      login: 'Đăng nhập',
      logout: 'Đăng xuất',
      callerWordsLabel: 'Lời người gọi',
      callerPhoneLabel: 'Số điện thoại người gọi',
      callerNameLabel: 'Tên người gọi (không bắt buộc)',
      consoleSimilarTitle: 'Vụ việc tương tự đang mở trong tổ dân phố',
      attach: 'Gắn vào vụ việc này',
      sendNew: 'Gửi thành vụ việc mới',
      readOut: 'Đọc mã này cho người gọi:',
      attachedTo: 'Đã gắn vào vụ việc',
      nextCall: 'Cuộc gọi tiếp theo',
      sessionExpired: 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.',
      send: 'Gửi kiến nghị',
      sending: 'Đang gửi…',
      receivedTitle: 'Phường đã nhận kiến nghị của bạn',
      codeIntro: 'Mã tra cứu của bạn:',
      codeKeep: 'Hãy ghi lại mã này để theo dõi kết quả xử lý.',
      trackLink: 'Theo dõi kiến nghị',
      another: 'Gửi kiến nghị khác',
      haveCode: 'Đã có mã tra cứu? Theo dõi kiến nghị',
      // the page of answered petitions (answers.html)
      answersLink: 'Xem các kiến nghị phường đã trả lời',
      answersTitle: 'Kiến nghị đã được trả lời',
      answersLead: 'Câu trả lời của phường cho các kiến nghị gần đây. Họ tên, số điện thoại và email của người gửi đã được che.',
      answersEmpty: 'Chưa có kiến nghị nào được trả lời.',
      areaAll: 'Tất cả tổ dân phố',
      petitionLabel: 'Kiến nghị',
      receivedOn: 'gửi ngày',
      answeredOn: 'cập nhật ngày',
      page: 'Trang',
      previousPage: 'Trang trước',
      nextPage: 'Trang sau',
      trackTitle: 'Theo dõi kiến nghị',
      codeLabel: 'Mã tra cứu',
      lookUp: 'Tra cứu',
      loading: 'Đang tra cứu…',
      statusLabel: 'Tình trạng',
      departmentLabel: 'Đơn vị xử lý',
      deadlineLabel: 'Hạn xử lý',
      answerLabel: 'Trả lời của phường',
      answerPhotosLabel: 'Ảnh minh chứng của phường',
      answerPhotoAlt: 'Ảnh minh chứng',
      newPetition: 'Gửi kiến nghị mới',
      notYet: 'Chưa có',
      notAssigned: 'Đang phân loại',
      networkError: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.',
      unexpected: 'Có lỗi xảy ra. Vui lòng thử lại sau.',
      textRequired: 'Vui lòng nhập nội dung kiến nghị.',
      'status.new': 'Mới tiếp nhận',
      'status.assigned': 'Đã chuyển đơn vị xử lý',
      'status.acknowledged': 'Đơn vị đã nhận',
      'status.in_progress': 'Đang xử lý',
      'status.answered': 'Đã trả lời',
      'status.reopened': 'Mở lại',
      'status.resolved': 'Đã giải quyết',
      'status.closed': 'Đã đóng',
      'status.rejected': 'Không thụ lý',
      'status.merged': 'Đã gộp vào vụ việc khác',
      requestsTitle: 'Các kiến nghị trong đơn của bạn',
      requestsHint: 'Phường tách đơn thành các kiến nghị riêng, mỗi kiến nghị do một đơn vị xử lý.',
      requestNumber: 'Kiến nghị số',
      requestOpening: 'Đang chuyển đơn vị xử lý',
      'request.merged': 'Đã gộp lại vào đơn',
      ratingTitle: 'Đánh giá trả lời của phường',
      starsLabel: 'Bạn hài lòng với trả lời ở mức nào? (1 đến 5 sao)',
      fixedLabel: 'Sự việc đã thực sự được khắc phục chưa?',
      fixedYes: 'Đã khắc phục',
      fixedNo: 'Chưa khắc phục',
      notFixedHint: 'Nếu chưa khắc phục, kiến nghị sẽ được mở lại để phường xử lý tiếp.',
      ratingCommentLabel: 'Nhận xét (không bắt buộc, tối đa 1000 ký tự)',
      ratingSend: 'Gửi đánh giá',
      ratingChoose: 'Hãy chọn số sao và cho biết sự việc đã được khắc phục chưa.',
      ratingThanks: 'Cảm ơn bạn đã đánh giá.',
      ratingReopens: 'Phường sẽ mở lại kiến nghị để xử lý tiếp.',
      ratingAwaitsOfficer: 'Cán bộ phường sẽ xem lại và xác nhận để mở lại kiến nghị.',
      ratingProofLabel: '4 số cuối của số điện thoại bạn đã để lại (nếu có)',
      ratingSaved: 'Đánh giá của bạn:',
      ratingStars: 'sao',
      ratingFixed: 'đã khắc phục',
      ratingNotFixed: 'chưa khắc phục'
    },
    en: {
      brand: 'Lắng Nghe · Đông Sơn ward',
      switchLanguage: 'Tiếng Việt',
      formTitle: 'Send a petition or report',
      formLead: 'The ward takes it in and passes it to the department in charge within seconds. You get a tracking code to follow it.',
      textLabel: 'Your petition',
      textHint: 'Say what happened, where, and since when.',
      areaLabel: 'Residential group (tổ dân phố)',
      areaNone: '— Choose your residential group —',
      addressLabel: 'Address (house number, alley, street)',
      nameLabel: 'Full name (optional)',
      phoneLabel: 'Phone number (optional)',
      consentLabel: 'I agree that ward officers may contact me about this petition.',
      photosLabel: 'Photos (optional, up to 3 JPEG, PNG or WebP photos, 5 MB each)',
      shareLocationLabel: 'Keep where the photo was taken (GPS) so officers find the spot. Unticked, the ward removes the location.',
      photosTooMany: 'At most 3 photos can be sent.',
      similarTitle: 'Similar cases already being handled in this residential group',
      similarHint: 'If it is the same matter, you can follow that case instead of sending it again.',
      consoleTitle: 'Hotline console',
      loginTitle: 'Operator sign-in',
      usernameLabel: 'Username',
      passwordLabel: 'Password',
      login: 'Sign in',
      logout: 'Sign out',
      callerWordsLabel: 'What the caller says',
      callerPhoneLabel: 'Caller phone number',
      callerNameLabel: 'Caller name (optional)',
      consoleSimilarTitle: 'Open similar cases in the residential group',
      attach: 'Attach to this case',
      sendNew: 'Send as a new case',
      readOut: 'Read this code to the caller:',
      attachedTo: 'Attached to case',
      nextCall: 'Next call',
      sessionExpired: 'The session has expired; please sign in again.',
      send: 'Send petition',
      sending: 'Sending…',
      receivedTitle: 'The ward has received your petition',
      codeIntro: 'Your tracking code:',
      codeKeep: 'Please note this code to follow how your petition is handled.',
      trackLink: 'Follow your petition',
      another: 'Send another petition',
      haveCode: 'Have a tracking code? Follow your petition',
      // the page of answered petitions (answers.html)
      answersLink: 'See the petitions the ward has answered',
      answersTitle: 'Answered petitions',
      answersLead: 'The ward\'s answers to recent petitions. Senders\' names, phone numbers and e-mails are masked.',
      answersEmpty: 'No petition has been answered yet.',
      areaAll: 'All residential groups',
      petitionLabel: 'Petition',
      receivedOn: 'sent',
      answeredOn: 'updated',
      page: 'Page',
      previousPage: 'Previous page',
      nextPage: 'Next page',
      trackTitle: 'Follow a petition',
      codeLabel: 'Tracking code',
      lookUp: 'Look up',
      loading: 'Looking up…',
      statusLabel: 'Status',
      departmentLabel: 'Handled by',
      deadlineLabel: 'Deadline',
      answerLabel: 'The ward\'s answer',
      answerPhotosLabel: 'The ward\'s photos of proof',
      answerPhotoAlt: 'Photo of proof',
      newPetition: 'Send a new petition',
      notYet: 'Not yet',
      notAssigned: 'Being sorted',
      networkError: 'Could not reach the server. Please check your connection and try again.',
      unexpected: 'Something went wrong. Please try again later.',
      textRequired: 'Please write your petition.',
      'status.new': 'Received',
      'status.assigned': 'Passed to a department',
      'status.acknowledged': 'Acknowledged by the department',
      'status.in_progress': 'In progress',
      'status.answered': 'Answered',
      'status.reopened': 'Reopened',
      'status.resolved': 'Resolved',
      'status.closed': 'Closed',
      'status.rejected': 'Not accepted',
      'status.merged': 'Merged into another case',
      requestsTitle: 'The requests in your letter',
      requestsHint: 'The ward took up your letter as separate requests, each handled by one department.',
      requestNumber: 'Request',
      requestOpening: 'Being passed to a department',
      'request.merged': 'Merged back into the letter',
      ratingTitle: 'Rate the ward\'s answer',
      starsLabel: 'How satisfied are you with the answer? (1 to 5 stars)',
      fixedLabel: 'Is the problem really fixed?',
      fixedYes: 'Fixed',
      fixedNo: 'Not fixed',
      notFixedHint: 'If it is not fixed, the petition is reopened for the ward to handle further.',
      ratingCommentLabel: 'Comment (optional, up to 1000 characters)',
      ratingSend: 'Send rating',
      ratingChoose: 'Please choose the stars and say whether the problem is fixed.',
      ratingThanks: 'Thank you for your rating.',
      ratingReopens: 'The ward will reopen the petition and handle it further.',
      ratingAwaitsOfficer: 'A ward officer will review it and confirm reopening the petition.',
      ratingProofLabel: 'Last 4 digits of the phone number you gave (if any)',
      ratingSaved: 'Your rating:',
      ratingStars: 'stars',
      ratingFixed: 'fixed',
      ratingNotFixed: 'not fixed'
    }
  };

  var listeners = [];

  function stored() {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null; // storage blocked (private mode): Vietnamese, as for a first visit
    }
  }

  var language = stored() === 'en' ? 'en' : 'vi';

  function t(key) {
    var label = LABELS[language][key];
    return label === undefined ? LABELS.vi[key] : label;
  }

  function apply() {
    document.documentElement.lang = language;
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    }
    listeners.forEach(function (listener) { listener(language); });
  }

  function switchLanguage() {
    language = language === 'vi' ? 'en' : 'vi';
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch (e) {
      // not remembered, but still switched for this page
    }
    apply();
  }

  // A problem+json title or detail reads "Vietnamese / English": show the half of the chosen language.
  function half(bilingual) {
    if (!bilingual) {
      return '';
    }
    var at = bilingual.indexOf(' / ');
    if (at < 0) {
      return bilingual;
    }
    return language === 'vi' ? bilingual.substring(0, at) : bilingual.substring(at + 3);
  }

  // Fills the error box from a problem+json answer (or a plain message), in the chosen language.
  function showProblem(box, problem) {
    box.textContent = '';
    if (!problem) {
      box.hidden = true;
      return;
    }
    var title = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = problem.message || half(problem.title) || t('unexpected');
    title.appendChild(strong);
    box.appendChild(title);
    var errors = problem.errors || [];
    if (errors.length > 0) {
      var list = document.createElement('ul');
      errors.forEach(function (error) {
        var item = document.createElement('li');
        item.textContent = language === 'vi' ? error.message_vi : error.message_en;
        list.appendChild(item);
      });
      box.appendChild(list);
    } else if (problem.detail) {
      var detail = document.createElement('p');
      detail.textContent = half(problem.detail);
      box.appendChild(detail);
    }
    box.hidden = false;
  }

  // Reads an error answer: problem+json when the server gave one, else a generic message.
  function readProblem(response) {
    return response.json().catch(function () { return { message: t('unexpected') }; });
  }

  // A taxonomy entry ({code, vi, en}) in the page's language.
  function name(codeName) {
    if (!codeName) {
      return null;
    }
    return (language === 'vi' ? codeName.vi : codeName.en) || codeName.vi || codeName.code;
  }

  window.LangNghe = {
    t: t,
    name: name,
    language: function () { return language; },
    onLanguageChange: function (listener) { listeners.push(listener); },
    showProblem: showProblem,
    readProblem: readProblem
  };

  document.addEventListener('DOMContentLoaded', function () {
    document.getElementById('language').addEventListener('click', switchLanguage);
    apply();
  });
})();
