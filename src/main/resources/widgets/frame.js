/* Runs inside a widget page: tells the embedding page how tall the widget is, so that embed.js
   can size the iframe to its content. The message carries nothing but the height. */
(function () {
  'use strict';
  if (window.parent === window) {
    return;
  }
  var last = -1;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last && height > 0) {
      last = height;
      window.parent.postMessage({ type: 'noko-resize', height: height }, '*');
    }
  }
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(report).observe(document.documentElement);
  }
  window.addEventListener('load', report);
  document.addEventListener('DOMContentLoaded', report);
  report();
})();
