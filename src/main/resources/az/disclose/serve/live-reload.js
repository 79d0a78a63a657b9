// Live reload for `disclose serve`: added to HTML pages in the server's responses only, never to
// the files of the built site. Reloads this page when a rebuild changes it, a stylesheet or script it
// loads, or everything; shows the problems of a failed build over the page until a build succeeds,
// and the items the last good build held back in a box of their own at the page's foot (not an error).
// The problems are put in as text (never as HTML), and styled through the CSSOM, which a site's
// Content-Security-Policy without 'unsafe-inline' still allows.
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
  var OVERLAY = "disclose-build-problems";
  var HELD = "disclose-held-back";

  function hide(id) {
    var old = document.getElementById(id);
    if (old) {
      old.parentNode.removeChild(old);
    }
  }

  function hideProblems() {
    hide(OVERLAY);
  }

  function hideHeld() {
    hide(HELD);
  }

  function line(tag, text, lang) {
    var element = document.createElement(tag);
    element.textContent = text;
    if (lang) {
      element.lang = lang;
    }
    element.style.margin = "0 0 0.4em 0";
    return element;
  }

  // A box fixed over the page: its styles, its heading in Azerbaijani then English, and the items
  // as a list (text only, never HTML).
  function showBox(box, styles, az, en, items) {
    hide(box.id);
    var s = box.style;
    s.position = "fixed";
    s.left = "0";
    s.right = "0";
    s.overflow = "auto";
    s.color = "#0b0c0c";
    for (var key in styles) {
      s[key] = styles[key];
    }
    var heading = line("p", az, "az");
    heading.style.fontWeight = "bold";
    box.appendChild(heading);
    box.appendChild(line("p", en, "en"));
    var list = document.createElement("ul");
    list.style.fontFamily = "ui-monospace, monospace";
    list.style.margin = "0.5em 0 0 0";
    for (var i = 0; i < items.length; i++) {
      list.appendChild(line("li", items[i]));
    }
    box.appendChild(list);
    document.body.appendChild(box);
  }

  // The problems of a failed build, over the page: Azerbaijani first, English second.
  function showProblems(problems) {
    var box = document.createElement("div");
    box.id = OVERLAY;
    box.setAttribute("role", "alert");
    showBox(box, {top: "0", maxHeight: "60vh", zIndex: "2147483647", background: "#fff4f4",
        borderBottom: "5px solid #d4351c", padding: "1em 1.5em", font: "16px/1.4 system-ui, sans-serif",
        boxShadow: "0 2px 8px rgba(0,0,0,.3)"},
        "Sayt qurulmadı: aşağıdakı problemləri düzəldin. Səhifə son uğurlu qurulmanı göstərir.",
        "The site did not build: fix the problems below. This page shows the last good build.", problems);
  }

  // The items held back from the site by the last good build: a notice, not an alert.
  function showHeld(items) {
    var box = document.createElement("section");
    box.id = HELD;
    box.setAttribute("role", "status");
    box.setAttribute("aria-label", "Saxlanılan materiallar / Held back");
    showBox(box, {bottom: "0", maxHeight: "35vh", zIndex: "2147483646", background: "#fff7d6",
        borderTop: "5px solid #b58100", padding: "0.75em 1.5em", font: "15px/1.4 system-ui, sans-serif"},
        "Saytdan saxlanılıb (dərc edilmir), çünki yoxlama bu materiallarda xəta tapır:",
        "Held back from the site (not published) because the publishing check finds errors in them:", items);
  }

  // A state answer is older than any event that arrived after it was asked for.
  var eventsSeen = 0;

  function askState() {
    if (!window.fetch) {
      return;
    }
    var asked = eventsSeen;
    fetch("/_disclose/state", {cache: "no-store"}).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (state) {
      if (!state || asked !== eventsSeen) {
        return;
      }
      if (state.ok) {
        hideProblems();
      } else {
        showProblems(state.problems);
      }
      if (state.held && state.held.length > 0) {
        showHeld(state.held);
      } else {
        hideHeld();
      }
    }).catch(function () {
      // The server is restarting: the stream's next open asks again.
    });
  }

  // EventSource reconnects by itself when the server restarts or the stream drops.
  var events = new EventSource("/_disclose/events");
  events.addEventListener("open", askState);
  events.addEventListener("failed", function (event) {
    eventsSeen++;
    showProblems(event.data.split("\n"));
  });
  events.addEventListener("fixed", function () {
    eventsSeen++;
    hideProblems();
  });
  events.addEventListener("held", function (event) {
    eventsSeen++;
    showHeld(event.data.split("\n"));
  });
  events.addEventListener("released", function () {
    eventsSeen++;
    hideHeld();
  });
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
