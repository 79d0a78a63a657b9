// Live reload for `disclose serve`: added to HTML pages in the server's responses only, never to
// the files of the built site. Reloads this page when a rebuild changes it, a stylesheet or script it
// loads, or everything.
(function () {
  "use strict";
  if (!window.EventSource) {
    return;
  }

  // "/news/x/index.html" and "/news/x/" are the same page; the server names paths as on disk, not
  // percent-encoded as location.pathname is.
  function normal(path) {
    try {
      path = decodeURI(path);
    } catch (malformed) {
      // Not valid percent-encoding: compare it as it is.
    }
    return path.replace(/\/index\.html$/, "/");
  }

  // This page's own path and those of the stylesheets and scripts it loads (same site only).
  var mine = [normal(window.location.pathname)];
  var assets = document.querySelectorAll("link[rel~=stylesheet][href], script[src]");
  for (var a = 0; a < assets.length; a++) {
    var url = new URL(assets[a].getAttribute("href") || assets[a].getAttribute("src"), window.location.href);
    if (url.origin === window.location.origin) {
      mine.push(normal(url.pathname));
    }
  }
  // EventSource reconnects by itself when the server restarts or the stream drops.
  var events = new EventSource("/_disclose/events");
  events.addEventListener("reload", function (event) {
    var changed = event.data.split("\n");
    for (var i = 0; i < changed.length; i++) {
      if (changed[i] === "*" || mine.indexOf(normal(changed[i])) >= 0) {
        events.close();
        window.location.reload();
        return;
      }
    }
  });
})();
