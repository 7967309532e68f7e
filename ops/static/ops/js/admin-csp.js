// Runs the admin's initialisers that ops.csp turned into JSON tags:
//   <script type="application/json" data-csp-init>{"call": "initDateChooser", "args": [...], "new": false}</script>
// once each, for the page (after every script has loaded) and for rows added later
// (Wagtail inserts a new inline row's markup; a MutationObserver sees its tags).
(function () {
  'use strict';
  var SELECTOR = 'script[data-csp-init]';

  function lookup(path) {
    return path.split('.').reduce(function (object, key) {
      return object == null ? undefined : object[key];
    }, window);
  }

  function run(tag) {
    if (tag.cspDone || tag.closest('template')) return;
    tag.cspDone = true;
    var spec = JSON.parse(tag.textContent);
    var target = lookup(spec.call);
    if (typeof target !== 'function') {
      console.error('admin-csp: ' + spec.call + ' is not loaded');
      return;
    }
    if (spec.new) {
      Reflect.construct(target, spec.args);
    } else {
      target.apply(window, spec.args);
    }
  }

  function scan(root) {
    if (root.matches && root.matches(SELECTOR)) run(root);
    if (root.querySelectorAll) root.querySelectorAll(SELECTOR).forEach(run);
  }

  function start() {
    scan(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) scan(node);
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
