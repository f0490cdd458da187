/* The widget editor page: copy buttons, the live preview's height, auto-apply of the options. */
(function () {
  'use strict';
  var preview = document.getElementById('preview');
  window.addEventListener('message', function (event) {
    if (!preview || event.origin !== window.location.origin || event.source !== preview.contentWindow) {
      return;
    }
    var data = event.data;
    var height = data && data.type === 'noko-resize' ? Math.ceil(Number(data.height)) : 0;
    if (!(height > 0 && height < 20000)) {
      return;
    }
    preview.style.height = height + 'px';
    var code = document.getElementById('code-iframe');
    if (code) {
      code.value = code.value.replace(/height="\d+"/, 'height="' + height + '"');
    }
  });

  var buttons = document.querySelectorAll('button[data-copy]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', copy);
  }

  function copy(event) {
    var button = event.currentTarget;
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) {
      return;
    }
    var done = function () {
      var label = button.textContent;
      button.textContent = button.getAttribute('data-done') || 'OK';
      window.setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(done, function () { select(source); });
    } else {
      select(source);
      try {
        if (document.execCommand('copy')) {
          done();
        }
      } catch (ignored) {
        // the code stays selected for Ctrl+C
      }
    }
  }

  function select(source) {
    source.focus();
    source.select();
  }

  var options = document.getElementById('options');
  if (options) {
    var fields = options.querySelectorAll('select,input[type=checkbox]');
    for (var j = 0; j < fields.length; j++) {
      fields[j].addEventListener('change', function () { options.submit(); });
    }
  }
})();
