(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function () { body.setAttribute("data-js-error", "1"); });
  var fields = Array.prototype.slice.call(document.querySelectorAll("[data-facet]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.brow"));
  var status = document.getElementById("view-status");
  var empty = document.getElementById("view-empty");
  var LISTS = ["speaker", "stype", "authority", "family"];

  // Facets were written by the page generator as JSON arrays in data attributes; they are only compared, never
  // inserted into the page as HTML.
  function parse(text) {
    try { var v = JSON.parse(text || "[]"); return Array.isArray(v) ? v : []; } catch (e) { return []; }
  }
  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var facts = rows.map(function (row) {
    var f = { text: row.getAttribute("data-text") || "", start: row.getAttribute("data-start") || "",
              end: row.getAttribute("data-end") || "", link: row.querySelector("a[data-report]") };
    LISTS.forEach(function (name) { f[name] = parse(row.getAttribute("data-" + name)); });
    if (f.link) { f.href = f.link.getAttribute("href"); }
    return f;
  });

  function state() {
    var s = {};
    fields.forEach(function (el) { s[el.getAttribute("data-facet")] = el.value.trim(); });
    return s;
  }
  function matches(f, s, words) {
    for (var i = 0; i < LISTS.length; i++) {
      var want = s[LISTS[i]];
      if (want && f[LISTS[i]].indexOf(want) === -1) { return false; }
    }
    if ((s.from || s.to) && !f.start) { return false; }  // an undated bulletin cannot be placed in a window
    if (s.from && f.end < s.from) { return false; }
    if (s.to && f.start > s.to) { return false; }
    return words.every(function (w) { return f.text.indexOf(w) !== -1; });
  }
  function apply() {
    var s = state(), shown = 0;
    var words = fold(s.q || "").split(/\s+/).filter(Boolean);
    rows.forEach(function (row, i) {
      var on = matches(facts[i], s, words);
      row.hidden = !on;
      if (on) { shown += 1; }
      // The report opens with the same statement type selected.
      if (facts[i].link) {
        facts[i].link.setAttribute("href", facts[i].href +
          (s.stype ? "?kind=statement&stype=" + encodeURIComponent(s.stype) : ""));
      }
    });
    if (status) { status.textContent = "Showing " + shown + " of " + rows.length + " bulletins"; }
    if (empty) { empty.hidden = shown !== 0; }
    var params = new URLSearchParams();
    Object.keys(s).forEach(function (k) { if (s[k]) { params.set(k, s[k]); } });
    var query = params.toString();
    try {
      window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    } catch (e) { /* some browsers refuse history changes on file:// pages; the filters still work */ }
    body.setAttribute("data-shown", String(shown));
  }

  // Links such as index.html?speaker=Hossein%20Salami&from=2021-01-01 open with those filters set.
  var params = new URLSearchParams(window.location.search);
  fields.forEach(function (el) {
    var v = params.get(el.getAttribute("data-facet"));
    if (v !== null) { el.value = v; }
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);  // date pickers may report only on change
  });
  var form = document.querySelector("form.viewbar");
  if (form) { form.addEventListener("submit", function (ev) { ev.preventDefault(); }); }
  apply();
  body.setAttribute("data-view-ready", String(rows.length));
})();
