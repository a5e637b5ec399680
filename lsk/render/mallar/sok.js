/* Sökning i handboken, helt i webbläsaren: indexet kommer från sokindex.js (window.LSK_SOKINDEX),
   så att sökningen fungerar utan server och direkt från disken (file://). Träffar skrivs med
   textContent, aldrig som HTML. */
(function () {
  "use strict";
  var MAX = 100;
  var form = document.getElementById("sokformular");
  var input = document.getElementById("sokfalt");
  var status = document.getElementById("sokstatus");
  var list = document.getElementById("sokresultat");
  if (!form || !input || !status || !list) { return; }

  var entries = (window.LSK_SOKINDEX || []).map(function (e) {
    return { title: e[0], url: e[1], kind: e[2], text: e[3],
             titleLow: e[0].toLowerCase(), textLow: e[3].toLowerCase() };
  });

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var inTitle = entry.titleLow.indexOf(words[i]) !== -1;
      if (!inTitle && entry.textLow.indexOf(words[i]) === -1) { return 0; }
      total += inTitle ? 3 : 1;
    }
    return total;
  }

  function snippet(entry, words) {
    var at = -1, word = "";
    for (var i = 0; i < words.length && at === -1; i++) {
      at = entry.textLow.indexOf(words[i]);
      word = words[i];
    }
    var p = document.createElement("p");
    if (at === -1) {
      p.textContent = entry.text.slice(0, 160) + (entry.text.length > 160 ? " …" : "");
      return p;
    }
    var start = Math.max(0, at - 70);
    var end = Math.min(entry.text.length, at + word.length + 90);
    var mark = document.createElement("mark");
    mark.textContent = entry.text.slice(at, at + word.length);
    p.appendChild(document.createTextNode((start > 0 ? "… " : "") + entry.text.slice(start, at)));
    p.appendChild(mark);
    p.appendChild(document.createTextNode(entry.text.slice(at + word.length, end) + (end < entry.text.length ? " …" : "")));
    return p;
  }

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var words = terms(query);
    if (words.length === 0) {
      status.textContent = "Skriv ett eller flera ord, t.ex. ett ord ur en rutins steg.";
      return;
    }
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      var s = score(entries[i], words);
      if (s > 0) { hits.push({ entry: entries[i], score: s, order: i }); }
    }
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    status.textContent = hits.length === 0 ? "Inga träffar för ”" + query.trim() + "”."
      : hits.length + (hits.length === 1 ? " träff" : " träffar") + " för ”" + query.trim() + "”"
        + (hits.length > MAX ? ", de första " + MAX + " visas." : ".");
    hits.slice(0, MAX).forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.entry.url;
      a.textContent = hit.entry.title;
      var kind = document.createElement("span");
      kind.className = "typ";
      kind.textContent = hit.entry.kind;
      li.appendChild(a);
      li.appendChild(kind);
      li.appendChild(snippet(hit.entry, words));
      list.appendChild(li);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
  });
  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  show(initial);
})();
