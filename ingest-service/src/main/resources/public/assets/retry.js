// Sends a petition again when the server could not confirm it (503, or no answer at all), as the README
// tells integrators to: after Retry-After, with the SAME Idempotency-Key, so a petition that was stored
// after all is never filed twice. A few attempts, then the last answer is shown as it is.
(function () {
  'use strict';

  var ATTEMPTS = 4;
  var LONGEST_WAIT_SECONDS = 10;

  function waitSeconds(response, attempt) {
    var given = response ? parseInt(response.headers.get('Retry-After'), 10) : NaN;
    var seconds = isNaN(given) ? attempt * 2 : given;
    return Math.min(Math.max(seconds, 1), LONGEST_WAIT_SECONDS);
  }

  function pause(seconds) {
    return new Promise(function (resolve) { window.setTimeout(resolve, seconds * 1000); });
  }

  // options.headers must carry the Idempotency-Key; onWait(seconds, attempt) may tell the person.
  function fetchWithRetry(url, options, onWait) {
    function attempt(number) {
      return fetch(url, options).then(function (response) {
        if (response.status !== 503 || number >= ATTEMPTS) {
          return response;
        }
        var seconds = waitSeconds(response, number);
        if (onWait) { onWait(seconds, number); }
        return pause(seconds).then(function () { return attempt(number + 1); });
      }, function (networkError) {
        if (number >= ATTEMPTS) {
          throw networkError;
        }
        var seconds = waitSeconds(null, number);
        if (onWait) { onWait(seconds, number); }
        return pause(seconds).then(function () { return attempt(number + 1); });
      });
    }
    return attempt(1);
  }

  window.LangNgheRetry = {
    fetch: fetchWithRetry,
    // what the person reads meanwhile, in the page's language
    message: function (language, seconds) {
      return language === 'en'
        ? 'Not confirmed yet; sending again in ' + seconds + ' s (it will not be filed twice).'
        : 'Chưa nhận được xác nhận; tự gửi lại sau ' + seconds + ' giây (kiến nghị sẽ không bị ghi hai lần).';
    }
  };
})();
