// A long story's timeline is split into one page per period. The timeline page keeps an
// empty anchor for every moved event, with the event's new address in data-moved, so that
// links published before the split (/timeline/#event-id) still arrive at the event.
(function () {
  function follow() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var anchor = id && document.getElementById(id);
    if (anchor && anchor.getAttribute("data-moved")) {
      window.location.replace(new URL(anchor.getAttribute("data-moved"), window.location.href).href);
    }
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(follow); // Material's instant navigation: every page view
  } else {
    document.addEventListener("DOMContentLoaded", follow);
  }
  window.addEventListener("hashchange", follow);
})();
