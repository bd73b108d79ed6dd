/* summit-kg site: search over every resource's label and other names.

   The index (search-index.js, a script, so it loads from file:// too) holds each name
   already folded into words by Python (kg.render.site.base.fold); what the reader types is
   folded here the same way: no case, no diacritics, apostrophes dropped, any other mark a
   word break. Every word typed must match a word of one name: the whole word (3 points),
   its start (2) or inside it (1); word order does not matter. Ties go to the more central
   class (states and people before statements), then to the resource more often pointed at,
   then to the shorter label. */
(function () {
  "use strict";
  var INDEX = window.KG_SEARCH_INDEX || [];
  var LIMIT = 50;
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/['\u2018\u2019\u02bb\u02bc\u0060\u00b4]/g, "")
      .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }
  function wordScore(query, words) {
    var best = 0;
    for (var i = 0; i < words.length && best < 3; i++) {
      var w = words[i];
      if (w === query) { best = 3; }
      else if (best < 2 && w.lastIndexOf(query, 0) === 0) { best = 2; }
      else if (best < 1 && w.indexOf(query) >= 0) { best = 1; }
    }
    return best;
  }
  function nameScore(queryWords, words) {
    var total = 0;
    for (var i = 0; i < queryWords.length; i++) {
      var s = wordScore(queryWords[i], words);
      if (!s) { return 0; }
      total += s;
    }
    return total;
  }
  function search(text) {
    var queryWords = fold(text);
    if (!queryWords.length) { return []; }
    var found = [];
    INDEX.forEach(function (entry) {
      var best = 0, via = null;
      entry.w.forEach(function (words, i) {
        var s = nameScore(queryWords, words);
        if (s > best) { best = s; via = i; }
      });
      if (best) { found.push({ entry: entry, score: best, via: via }); }
    });
    found.sort(function (a, b) {
      return b.score - a.score || a.entry.r - b.entry.r || b.entry.d - a.entry.d ||
        a.entry.l.length - b.entry.l.length || a.entry.l.localeCompare(b.entry.l);
    });
    return found;
  }
  window.kgSearch = function (text) {
    return search(text).map(function (f) { return f.entry.l; });
  };
  var box = document.getElementById("kg-search");
  var list = document.getElementById("kg-results");
  var status = document.getElementById("kg-status");
  if (!box || !list) { return; }
  function show() {
    var found = search(box.value);
    list.textContent = "";
    found.slice(0, LIMIT).forEach(function (f) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = f.entry.h;
      a.textContent = f.entry.l;
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      var alias = f.via > 0 ? " · also called " + f.entry.n[f.via - 1] : "";
      meta.textContent = " " + f.entry.c + alias;
      li.appendChild(meta);
      list.appendChild(li);
    });
    if (!box.value.trim()) { status.textContent = INDEX.length + " resources: type a name."; }
    else if (!found.length) { status.textContent = "Nothing is called that. Try part of a word."; }
    else {
      status.textContent = found.length + (found.length === 1 ? " match" : " matches") +
        (found.length > LIMIT ? ", the first " + LIMIT + " shown" : "") + ".";
    }
    if (window.history && window.history.replaceState) {
      var url = box.value ? "?q=" + encodeURIComponent(box.value) : window.location.pathname;
      try { window.history.replaceState(null, "", url); } catch (e) { /* file:// may refuse */ }
    }
  }
  box.addEventListener("input", show);
  box.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && list.firstChild) {
      event.preventDefault();
      list.firstChild.querySelector("a").focus();
    }
  });
  list.addEventListener("keydown", function (event) {
    var item = event.target.closest("li");
    if (!item) { return; }
    var next = event.key === "ArrowDown" ? item.nextElementSibling :
      event.key === "ArrowUp" ? item.previousElementSibling : undefined;
    if (next === undefined) { return; }
    event.preventDefault();
    if (next) { next.querySelector("a").focus(); } else if (event.key === "ArrowUp") { box.focus(); }
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { box.value = params.get("q"); }
  show();
  window.kgSearchReady = true;
})();
