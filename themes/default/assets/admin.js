// Gazette admin: small comforts on top of forms that work without
// JavaScript. Confirms destructive buttons and refreshes the live preview.
(function () {
  'use strict';
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) e.preventDefault();
  });

  var form = document.getElementById('article-form');
  var button = document.getElementById('preview-button');
  var live = document.getElementById('live-preview');
  if (!form || !button || !live) return;
  var timer = null;
  function refresh() {
    if (!live.checked) return;
    if (typeof form.requestSubmit === 'function') form.requestSubmit(button);
  }
  form.addEventListener('input', function () {
    if (!live.checked) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, 700);
  });
  live.addEventListener('change', refresh);
})();
