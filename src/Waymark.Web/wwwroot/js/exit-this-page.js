// Exit this page (after the GOV.UK Design System component). Without this script the button is a
// plain link to /exit, which clears Waymark's cookies and redirects to a neutral site.
// With it: the page blanks at once, and location.replace keeps this page out of the Back button.
// Pressing Shift three times, each within 5 seconds of the last, does the same.
(function () {
  'use strict';

  var PRESSES_TO_EXIT = 3;
  var PRESS_WINDOW_MS = 5000;

  function start() {
    var button = document.querySelector('[data-exit-this-page]');
    if (!button) {
      return;
    }
    var status = document.getElementById('exit-this-page-status');
    var exitUrl = button.getAttribute('href');
    var presses = 0;
    var timer = null;
    var lastKeyHadShift = false;

    function say(text) {
      if (status) {
        status.textContent = text;
      }
    }

    function resetPresses() {
      presses = 0;
      if (timer) {
        window.clearTimeout(timer);
        timer = null;
      }
    }

    function exitPage(event) {
      if (event) {
        event.preventDefault();
      }
      resetPresses();
      document.documentElement.classList.add('is-exiting');
      say('Exit this page activated');
      window.location.replace(exitUrl);
    }

    button.addEventListener('click', exitPage);

    document.addEventListener('keyup', function (event) {
      var isShift = event.key === 'Shift' || event.keyCode === 16;
      // Shift used with another key (a capital letter, Shift+Tab) is typing, not a request to leave.
      if (isShift && !lastKeyHadShift) {
        presses += 1;
        if (timer) {
          window.clearTimeout(timer);
        }
        if (presses >= PRESSES_TO_EXIT) {
          exitPage();
          return;
        }
        var left = PRESSES_TO_EXIT - presses;
        say('Shift, press ' + left + (left === 1 ? ' more time' : ' more times') + ' to exit');
        timer = window.setTimeout(function () {
          resetPresses();
          say('');
        }, PRESS_WINDOW_MS);
      } else if (!isShift && presses > 0) {
        resetPresses();
        say('');
      }
      lastKeyHadShift = !isShift && event.shiftKey;
    });

    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Shift' && event.keyCode !== 16 && event.shiftKey) {
        lastKeyHadShift = true;
      }
    });

    // If the browser brings this page back from its back-forward cache, don't leave it blank and stuck.
    window.addEventListener('pageshow', function (event) {
      if (event.persisted) {
        document.documentElement.classList.remove('is-exiting');
        say('');
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
