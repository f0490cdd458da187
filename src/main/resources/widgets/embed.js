/* NOKO widgets: turns <div data-noko-organization="ID"></div> and
   <div data-noko-municipality="OKTMO"></div> into iframes that follow their content's height.
   Options: data-noko-theme (light|dark|auto), data-noko-lang (ru|en), data-noko-compact (true),
   data-noko-campaign, data-noko-year, data-noko-type, data-noko-limit, data-noko-highlight,
   data-noko-title. Touches nothing on the page but those elements; defines no globals. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var origin = new URL(script.src, window.location.href).origin;
  var ID = /^[1-9][0-9]{0,17}$/;
  var OKTMO = /^([0-9]{8}|[0-9]{11})$/;
  var OPTIONS = {
    theme: /^(light|dark|auto)$/,
    lang: /^(ru|en)$/,
    compact: /^(true|false)$/,
    campaign: ID,
    year: /^20[0-9]{2}$/,
    type: /^(preschool|school|vocational|additional|higher)$/,
    limit: /^([1-9]|[1-4][0-9]|50)$/,
    highlight: ID
  };
  var CARD_OPTIONS = ['theme', 'lang', 'compact', 'campaign'];
  var frames = [];

  function build(element) {
    var organization = element.getAttribute('data-noko-organization');
    var municipality = element.getAttribute('data-noko-municipality');
    var path;
    var accepted;
    if (organization !== null && ID.test(organization)) {
      path = '/widgets/organizations/' + organization;
      accepted = CARD_OPTIONS;
    } else if (municipality !== null && OKTMO.test(municipality)) {
      path = '/widgets/municipalities/' + municipality;
      accepted = null;
    } else {
      return;
    }
    var query = [];
    for (var name in OPTIONS) {
      var value = element.getAttribute('data-noko-' + name);
      // the service refuses parameters a widget does not take
      if (value !== null && OPTIONS[name].test(value) && (accepted === null || accepted.indexOf(name) >= 0)) {
        query.push(name + '=' + value);
      }
    }
    var english = element.getAttribute('data-noko-lang') === 'en';
    var compact = element.getAttribute('data-noko-compact') === 'true';
    var frame = document.createElement('iframe');
    frame.src = origin + path + (query.length ? '?' + query.join('&') : '');
    frame.title = element.getAttribute('data-noko-title')
        || (english ? 'NOKO independent quality assessment results' : 'Результаты независимой оценки качества (НОКО)');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    // the widget may open links in new tabs, but never navigate or script the host page
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    var style = frame.style;
    style.display = 'block';
    style.width = '100%';
    style.maxWidth = '100%';
    style.border = '0';
    style.margin = '0';
    style.padding = '0';
    style.overflow = 'hidden';
    style.height = (municipality !== null ? 760 : compact ? 380 : 840) + 'px';
    element.setAttribute('data-noko-ready', '');
    element.appendChild(frame);
    frames.push(frame);
  }

  function scan() {
    var elements = document.querySelectorAll('[data-noko-organization],[data-noko-municipality]');
    for (var i = 0; i < elements.length; i++) {
      if (!elements[i].hasAttribute('data-noko-ready')) {
        build(elements[i]);
      }
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) {
      return;
    }
    var data = event.data;
    if (!data || data.type !== 'noko-resize') {
      return;
    }
    var height = Number(data.height);
    if (!(height > 0 && height < 20000)) {
      return;
    }
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
      }
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
})();
