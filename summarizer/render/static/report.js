(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function () { body.setAttribute("data-js-error", "1"); });
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-kind][data-item]"));
  var rows = items.filter(function (el) { return el.tagName === "TR"; });
  var status = document.getElementById("filter-status");

  function selected(group) {
    var set = {};
    boxes.forEach(function (box) {
      if (box.getAttribute("data-filter") === group && box.checked) { set[box.value] = true; }
    });
    return set;
  }
  function apply() {
    var kinds = selected("kind"), stypes = selected("stype"), shown = 0;
    items.forEach(function (el) {
      var kind = el.getAttribute("data-kind");
      var on = kinds[kind] === true && (kind !== "statement" || stypes[el.getAttribute("data-stype")] === true);
      el.classList.toggle("is-off", !on);
      if (on && el.tagName === "TR") { shown += 1; }
    });
    if (status) { status.textContent = "Showing " + shown + " of " + rows.length + " items"; }
  }
  // Links such as report.html?kind=statement&stype=threaten open with only those boxes ticked.
  var params = new URLSearchParams(window.location.search);
  ["kind", "stype"].forEach(function (group) {
    var wanted = params.getAll(group);
    if (wanted.length === 0) { return; }
    boxes.forEach(function (box) {
      if (box.getAttribute("data-filter") === group) { box.checked = wanted.indexOf(box.value) !== -1; }
    });
  });
  boxes.forEach(function (box) { box.addEventListener("change", apply); });

  function related(uid) {
    return document.querySelectorAll('[data-item="' + uid.replace(/[^A-Za-z0-9_-]/g, "") + '"]');
  }
  function activate(uid, on) {
    Array.prototype.forEach.call(related(uid), function (el) {
      if (el.tagName === "MARK" || el.tagName === "TR") { el.classList.toggle("is-active", on); }
    });
  }
  items.forEach(function (el) {
    var uid = el.getAttribute("data-item");
    if (el.tagName === "TR" || el.tagName === "MARK") {
      el.addEventListener("mouseenter", function () { activate(uid, true); });
      el.addEventListener("mouseleave", function () { activate(uid, false); });
    }
    if (el.tagName === "MARK") {
      el.addEventListener("click", function (ev) {
        if (el.classList.contains("is-off")) { return; }
        ev.stopPropagation();
        window.location.hash = uid;
      });
    }
  });
  // A fragment names a row ("b0-st3") or its first highlight ("b0-st3-hl"); focus every piece of that item,
  // since overlapping spans split one item's highlight into several marks.
  var focused = [];
  function focusFromHash() {
    focused.forEach(function (el) { el.classList.remove("is-target"); });
    var uid = decodeURIComponent(window.location.hash.slice(1)).replace(/-hl$/, "");
    focused = uid ? Array.prototype.slice.call(related(uid)) : [];
    focused.forEach(function (el) { el.classList.add("is-target"); });
  }
  window.addEventListener("hashchange", focusFromHash);
  focusFromHash();
  apply();
  body.setAttribute("data-report-ready", String(rows.length));
})();
