/* reportmine review app: tabs, flag and quantity selection, keyboard shortcuts. No framework. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var tabs = [].slice.call(document.querySelectorAll(".tabs a[data-tab]"));
  function showTab(name) {
    tabs.forEach(function (a) { a.classList.toggle("on", a.dataset.tab === name); });
    [].forEach.call(document.querySelectorAll(".tab"), function (s) { s.classList.toggle("on", s.id === "tab-" + name); });
  }
  tabs.forEach(function (a) {
    a.addEventListener("click", function (e) { e.preventDefault(); showTab(a.dataset.tab); history.replaceState(null, "", "#tab-" + a.dataset.tab); });
  });
  function select(el) {
    [].forEach.call(document.querySelectorAll(".sel"), function (x) { x.classList.remove("sel"); });
    if (el) { el.classList.add("sel"); }
  }
  function openFlag(seq, scrollText) {
    var card = document.getElementById("flag-" + seq);
    if (!card) { return; }
    showTab("flags");
    card.open = true; select(card);
    card.scrollIntoView({ block: "nearest" });
    var span = document.querySelector('.text .fl[data-f~="' + seq + '"]');
    if (span) { span.classList.add("sel"); if (scrollText) { span.scrollIntoView({ block: "center" }); } }
  }
  var qdata = {};
  var qnode = document.getElementById("quantities-data");
  if (qnode) { JSON.parse(qnode.textContent).forEach(function (q) { qdata[q.seq] = q; }); }
  var qform = document.getElementById("quantity-form");
  function openQuantity(seq) {
    var q = qdata[seq];
    if (!q || !qform) { return; }
    showTab("flags");
    qform.action = qform.dataset.base + q.seq;
    qform.querySelector('[data-show="text"]').textContent = q.text;
    qform.querySelector('[data-show="summary"]').textContent = q.role_label + (q.value ? " · " + q.value : "") + (q.indicator ? " · " + q.indicator : "");
    ["role", "norm_value", "indicator_id"].forEach(function (f) { qform.elements["v_" + f].value = q.versions[f]; });
    qform.elements.value.value = qform.elements.field.value === "role" ? q.role : "";
    qform.classList.remove("hidden");
    qform.scrollIntoView({ block: "nearest" });
  }
  if (qform) {
    qform.querySelector(".close").addEventListener("click", function () { qform.classList.add("hidden"); });
    qform.elements.field.addEventListener("change", function () {
      qform.elements.value.setAttribute("list", qform.elements.field.value === "role" ? "role-list" : "");
    });
  }
  var text = document.getElementById("text");
  if (text) {
    text.addEventListener("click", function (e) {
      var fl = e.target.closest(".fl[data-f]");
      if (fl) { openFlag(fl.dataset.f.split(" ")[0], false); select(fl); return; }
      var q = e.target.closest(".q[data-q]");
      if (q) { select(q); openQuantity(q.dataset.q.split(" ")[0]); }
    });
  }
  [].forEach.call(document.querySelectorAll("details.flag"), function (card) {
    card.addEventListener("toggle", function () {
      if (card.open) {
        var span = document.querySelector('.text .fl[data-f~="' + card.dataset.f + '"]');
        if (span) { select(card); span.classList.add("sel"); span.scrollIntoView({ block: "center" }); }
      }
    });
  });
  var flagCards = [].slice.call(document.querySelectorAll("details.flag"));
  var current = -1;
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (e.key === "/") {
      var first = document.querySelector(".filters select");
      if (first) { e.preventDefault(); first.focus(); }
    } else if ((e.key === "j" || e.key === "k") && flagCards.length) {
      e.preventDefault();
      current = (current + (e.key === "j" ? 1 : -1) + flagCards.length) % flagCards.length;
      openFlag(flagCards[current].dataset.f, true);
      flagCards[current].querySelector("summary").focus();
    } else if (/^[1-4]$/.test(e.key) && tabs.length) {
      showTab(tabs[Number(e.key) - 1].dataset.tab);
    } else if (e.key === "Escape") {
      select(null);
    }
  });
  var hash = location.hash.slice(1);
  if (tabs.length) {
    if (document.getElementById("conflict")) {
      var open = document.querySelector(".tab details[open], .card.quantity:not(.hidden)");
      showTab(open ? open.closest(".tab").id.slice(4) : "flags");
    } else if (hash.indexOf("tab-") === 0) { showTab(hash.slice(4)); }
    else if (hash.indexOf("flag-") === 0) { openFlag(hash.slice(5), true); }
    else { showTab("flags"); }
  }
  document.documentElement.setAttribute("data-ready", "1");
})();
