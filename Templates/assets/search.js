/* chansite search: loads the prebuilt index under search/ with <script> tags (works from file://),
   ranks with the BM25 scores the build precomputed, and shows results as you type. No dependencies. */
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app) return;
  var base = app.getAttribute("data-index");
  var root = base.replace(/search\/$/, "");
  /* The interface words in the site's language (strings/<language>.json), with its plural rule. */
  var words = {};
  try { words = JSON.parse(app.getAttribute("data-strings") || "{}") || {}; } catch (e) { words = {}; }
  function say(key, fallback, values) {
    var text = typeof words[key] === "string" ? words[key] : fallback;
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }
  function category(n) {
    var m10 = n % 10, m100 = n % 100;
    switch (words.plural) {
      case "zero-one-other": return n === 0 || n === 1 ? "one" : "other";
      case "east-slavic": return m10 === 1 && m100 !== 11 ? "one" : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? "few" : "many";
      case "polish": return n === 1 ? "one" : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? "few" : "many";
      case "west-slavic": return n === 1 ? "one" : n >= 2 && n <= 4 ? "few" : "other";
      case "none": return "other";
      default: return n === 1 ? "one" : "other";
    }
  }
  function countText(key, n, one, other) {
    var forms = words[key] && typeof words[key] === "object" ? words[key] : { one: one, other: other };
    var form = forms[category(n)] || forms.other || forms.many || other;
    return form.split("{n}").join(localeNumber(n));
  }
  /* A page's lang comes from the configuration: a tag the browser rejects must not stop search. */
  function localeNumber(n) {
    try { return n.toLocaleString(document.documentElement.lang || undefined); } catch (e) { return String(n); }
  }
  var loaded = {}, waiting = {};
  window.__chansiteSearch = function (name, data) {
    loaded[name] = data;
    (waiting[name] || []).forEach(function (resolve) { resolve(data); });
    delete waiting[name];
  };
  function load(name, file) {
    if (loaded[name]) return Promise.resolve(loaded[name]);
    return new Promise(function (resolve) {
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push(resolve);
      if (!first) return;
      var s = document.createElement("script");
      s.src = base + file;
      s.onerror = function () { window.__chansiteSearch(name, null); };
      /* A truncated file loads but never calls back: it counts as missing. */
      s.onload = function () { if (!(name in loaded)) window.__chansiteSearch(name, null); };
      document.head.appendChild(s);
    });
  }
  /* Word forms are grouped by their first three code points; postings by an FNV-1a hash of the stem. */
  function formsOf(term) {
    var k = Array.from(term).slice(0, 3).join(""), b = fnv(k, manifest.formBuckets), file = "forms/" + folderOf(b);
    return load("forms:" + b, file).then(function (data) {
      if (data !== null && (typeof data !== "object" || Array.isArray(data))) throw new Damaged(file);
      return data;
    });
  }
  /* FNV-1a (32 bit) of the UTF-8, modulo count: as SearchIndexBuilder.bucket(of:count:). */
  function fnv(text, count) {
    var h = 0x811c9dc5, bytes = new TextEncoder().encode(text);
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h % count;
  }
  function bucket(stem) { return fnv(stem, manifest.buckets); }
  /* Paths as SearchIndexLayout makes them: no folder holds more than filesPerFolder files. */
  function folderOf(n) { return Math.floor(n / manifest.filesPerFolder) + "/" + n + ".js"; }
  /* The word rules are words.js's (one definition for the search page and the highlight). */
  var W = window.chansiteWords;
  var queryPattern = W.pattern, normalize = W.normalize, isCompound = W.isCompound, splitSpaceless = W.splitSpaceless;
  /* A query's words in order, each marked `excluded` when written `-word` at the start of the
     query or after a space (SearchEngine.terms does the same). */
  function terms(query) {
    var out = [], re = new RegExp(queryPattern.source, "gu"), m;
    query = query.replace(/(https?:\/\/|t\.me\/)\S+/gi, " ");
    while ((m = re.exec(query))) {
      var word = normalize(m[0]), at = m.index;
      var excluded = at > 0 && query[at - 1] === "-" && (at === 1 || /\s/.test(query[at - 2]));
      (isCompound(m[0]) ? [word] : splitSpaceless(word)).forEach(function (w) { out.push({ word: w, excluded: excluded }); });
    }
    return out;
  }
  function tokens(query) { return terms(query).map(function (t) { return t.word; }); }
  function formsFor(data, token, prefix) {
    var stems = {}, forms = data || {};
    var exact = Object.prototype.hasOwnProperty.call(forms, token) ? forms[token] : null;
    if (exact) stems[exact] = true;
    if ((prefix || !exact) && Array.from(token).length >= 3) {
      /* A plain word does not expand to compounds (`модель` to `модель-x`): their parts are
         indexed words already, and each would cost a postings file. */
      var whole = isCompound(token);
      Object.keys(forms).forEach(function (f) { if (f.indexOf(token) === 0 && (whole || !isCompound(f))) stems[forms[f]] = true; });
    }
    stems = Object.keys(stems);
    stems.exact = exact;
    return stems;
  }
  /* True when `a` becomes `b` by one edit: a letter added, dropped, changed, or two
     neighbours swapped (code points, as SearchEngine.withinOneEdit). */
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (i === a.length && i === b.length) return false;
    var rest = function (x, y) { return a.slice(x).join("\u0000") === b.slice(y).join("\u0000"); };
    if (a.length === b.length) {
      return rest(i + 1, i + 1) || (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2));
    }
    return a.length > b.length ? rest(i + 1, i) : rest(i, i + 1);
  }
  /* A word not in the corpus: a word of five letters or more one typo away (from the same
     forms file, so no more is downloaded; found posts count half), else the word without its
     last one to three letters (an unknown inflection). */
  function stemsOf(token, prefix, noTypos) {
    return formsOf(token).then(function (data) {
      var stems = formsFor(data, token, prefix);
      if (stems.length || token[0] === "#") return stems;
      var letters = Array.from(token);
      if (!noTypos && letters.length >= 5) {
        var near = {};
        /* The file holds other starts' forms too: a typo is looked for after the first letters. */
        var key = letters.slice(0, 3).join("");
        Object.keys(data || {}).forEach(function (f) { if (f.indexOf(key) === 0 && withinOneEdit(Array.from(f), letters)) near[data[f]] = true; });
        var typo = Object.keys(near);
        typo.exact = null;
        typo.approximate = true;
        if (typo.length) return typo;
      }
      for (var cut = 1; cut <= 3 && letters.length - cut >= 4; cut++) {
        stems = formsFor(data, letters.slice(0, letters.length - cut).join(""), true);
        if (stems.length) return stems;
      }
      return [];
    });
  }
  /* The index is trusted no more than any file: a wrong shape stops the search with a message. */
  function Damaged(file) { this.file = file; }
  function postings(stem) {
    var b = bucket(stem);
    return load("postings:" + b, "postings/" + folderOf(b)).then(function (data) {
      if (data !== null && (typeof data !== "object" || Array.isArray(data))) throw new Damaged("postings/" + folderOf(b));
      var flat = (data && data[stem]) || [], map = {}, doc = 0;
      if (!Array.isArray(flat)) throw new Damaged("postings/" + folderOf(b));
      for (var i = 0; i + 1 < flat.length; i += 2) {
        if (!Number.isInteger(flat[i]) || flat[i] < 0 || doc + flat[i] > 2147483647) throw new Damaged("postings/" + folderOf(b));
        doc += flat[i]; map[doc] = flat[i + 1];
      }
      return map;
    });
  }
  /* A stem's postings in the order the file lists them, each with the post's slots of the stem
     (positions/<bucket>.js, as SlotCode writes them: a posting's slots as base-32 gaps, the last
     digit of a number from 0-9a-v, the ones before from A-Z w-z _ ~, postings split by commas). */
  var LAST = "0123456789abcdefghijklmnopqrstuv", MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_~";
  function decodeSlots(text) {
    var out = [[]], value = 0, slot = 0, pending = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i], d;
      if (c === ",") { if (pending) return null; out.push([]); slot = 0; }
      else if ((d = LAST.indexOf(c)) >= 0) { slot += value * 32 + d; if (slot > 2147483647) return null; out[out.length - 1].push(slot); value = 0; pending = false; }
      else if ((d = MORE.indexOf(c)) >= 0) { value = value * 32 + d; if (value > 2147483647) return null; pending = true; }
      else return null;
    }
    return pending ? null : out;
  }
  function slotsOf(stem) {
    var b = bucket(stem), file = "positions/" + folderOf(b);
    return Promise.all([postings(stem), load("positions:" + b, file)]).then(function (r) {
      var docs = Object.keys(r[0]).map(Number).sort(function (x, y) { return x - y; }), data = r[1], out = {};
      if (!docs.length) return out;
      var slots = data && typeof data === "object" && typeof data[stem] === "string" ? decodeSlots(data[stem]) : null;
      if (!slots || slots.length !== docs.length) throw new Damaged(file);
      docs.forEach(function (d, i) { out[d] = { score: r[0][d], slots: slots[i] }; });
      return out;
    });
  }
  /* The quoted parts of a query (Phrase.split): each closed "…" (or “…”, „…“, «…») is blanked
     out of the words and kept, `-"…"` excluded; a quote with no partner reads as a space. */
  var QUOTES = "\"\u201C\u201D\u201E\u00AB\u00BB";
  function phrases(query) {
    var chars = Array.from(query), found = [];
    for (var i = 0; i < chars.length; i++) {
      if (QUOTES.indexOf(chars[i]) < 0) continue;
      var j = i + 1;
      while (j < chars.length && QUOTES.indexOf(chars[j]) < 0) j++;
      if (j === chars.length) { chars[i] = " "; continue; }
      var excluded = i > 0 && chars[i - 1] === "-" && (i === 1 || /\s/.test(chars[i - 2]));
      found.push({ text: chars.slice(i + 1, j).join(""), excluded: excluded });
      for (var k = excluded ? i - 1 : i; k <= j; k++) chars[k] = " ";
      i = j;
    }
    /* `@name` at the start or after a space: the words of the name next to each other, as a
       post mentioning it holds them (Phrase.readMentions: `@cat_news` is "cat news"). */
    for (var a = 0; a < chars.length; a++) {
      if (chars[a] !== "@" || (a > 0 && !/\s/.test(chars[a - 1]))) continue;
      var e = a + 1;
      while (e < chars.length && /[\p{L}\p{N}_]/u.test(chars[e])) e++;
      if (e === a + 1 || (e < chars.length && !/\s/.test(chars[e]))) continue;
      found.push({ text: chars.slice(a + 1, e).join("").replace(/_/g, " "), excluded: false });
      for (var z = a; z < e; z++) chars[z] = " ";
      a = e;
    }
    return { words: chars.join(""), phrases: found };
  }
  function sortedHas(list, value) {
    var low = 0, high = list.length;
    while (low < high) { var mid = (low + high) >> 1; if (list[mid] < value) low = mid + 1; else high = mid; }
    return low < list.length && list[low] === value;
  }
  /* The posts holding a phrase (SearchEngine.phraseScores): each word stands for its own
     form's stem or, for a form the archive never wrote, the stems of the forms sharing all but
     its last one to three letters (never a prefix of a longer word, never a typo), at the
     distances the words have in the phrase; a post's score is the sum of its stems'. Null for
     a phrase with no words. */
  function phraseScores(phrase) {
    var words = W.positioned(phrase.text);
    if (!words.length) return Promise.resolve(null);
    return Promise.all(words.map(function (w) { return stemsOf(w.word, false, true); })).then(function (choices) {
      if (choices.some(function (c) { return !c.length; })) return { stems: [], scores: {} };
      var distinct = [];
      choices.forEach(function (c) { c.forEach(function (s) { if (distinct.indexOf(s) < 0) distinct.push(s); }); });
      return Promise.all(distinct.map(slotsOf)).then(function (lists) {
        var of = {}, scores = {}, candidates = {};
        distinct.forEach(function (s, i) { of[s] = lists[i]; });
        choices[0].forEach(function (s) { for (var d in of[s]) candidates[d] = true; });
        Object.keys(candidates).forEach(function (d) {
          /* One stem's slots are in order already; several are merged. */
          var places = choices.map(function (c) {
            if (c.length === 1) return of[c[0]][d] ? of[c[0]][d].slots : [];
            var all = [];
            c.forEach(function (s) { if (of[s][d]) Array.prototype.push.apply(all, of[s][d].slots); });
            return all.sort(function (x, y) { return x - y; });
          });
          if (places.some(function (p) { return !p.length; })) return;
          var holds = places[0].some(function (start) {
            return words.every(function (w, i) { return sortedHas(places[i], start - words[0].slot + w.slot); });
          });
          if (holds) scores[d] = distinct.reduce(function (sum, s) { return sum + (of[s][d] ? of[s][d].score : 0); }, 0);
        });
        return { stems: distinct.slice().sort(), scores: scores };
      });
    });
  }
  /* When the word itself is in the corpus, its own stem counts in full and the words it is the
     start of count half: `the` ranks posts with "the" above those with "theme". */
  function tokenScores(token, prefix) {
    return stemsOf(token, prefix).then(function (stems) {
      return Promise.all(stems.map(postings)).then(function (maps) {
        var best = {};
        maps.forEach(function (m, i) {
          var half = stems.approximate || (stems.exact && stems[i] !== stems.exact);
          for (var d in m) { var s = half ? Math.floor(m[d] / 2) : m[d]; if (!(d in best) || s > best[d]) best[d] = s; }
        });
        return { stems: stems, scores: best };
      });
    });
  }
  /* The query's operators, words of their own: `year:2024` or `year:2020-2023`, `month:2024-03`
     or `month:2024-03..2024-06`, `sort:newest`
     or `sort:oldest` (SearchEngine.operators); they are blanked out of the words, so the word
     being typed stays the last. A value that is none of these is ignored. */
  function operators(query) {
    var found = { years: null, months: null, sort: "relevance", kinds: [] };
    var words = query.replace(/\S+/g, function (w) {
      if (w.indexOf("has:") === 0) {
        var kind = w.slice(4);
        if (KINDS.indexOf(kind) >= 0 && found.kinds.indexOf(kind) < 0) found.kinds.push(kind);
        return w.replace(/[^]/g, " ");
      }
      if (w.indexOf("month:") === 0) {
        var mm = /^([0-9]{4})-([0-9]{2})(?:\.\.([0-9]{4})-([0-9]{2}))?$/.exec(w.slice(6));
        if (mm) {
          var from = Number(mm[1]) * 100 + Number(mm[2]), to = mm[3] ? Number(mm[3]) * 100 + Number(mm[4]) : from;
          var valid = function (x) { return x >= 100 && x % 100 >= 1 && x % 100 <= 12; };
          if (valid(from) && valid(to) && from <= to) found.months = [from, to];
        }
        return w.replace(/[^]/g, " ");
      }
      if (w.indexOf("year:") !== 0 && w.indexOf("sort:") !== 0) return w;
      var value = w.slice(5), m;
      if (w[0] === "s") {
        if (/^(relevance|newest|oldest)$/.test(value)) found.sort = value;
      } else if ((m = /^([0-9]{1,4})(?:-([0-9]{1,4}))?$/.exec(value))) {
        var low = Number(m[1]), high = m[2] ? Number(m[2]) : low;
        if (low >= 1 && high >= low) found.years = [low, high];
      }
      return w.replace(/[^]/g, " ");
    });
    return { words: words, years: found.years, months: found.months, sort: found.sort, kinds: found.kinds };
  }
  /* `has:photo` and the like (PostKindBits): one bit a document, base64, in search/has/<kind>.js. */
  var KINDS = ["file", "link", "photo", "poll", "video"];
  function kindBits(kind) {
    return load("has:" + kind, "has/" + kind + ".js").then(function (data) {
      if (typeof data !== "string") throw new Damaged("has/" + kind + ".js");
      try { return atob(data); } catch (e) { throw new Damaged("has/" + kind + ".js"); }
    });
  }
  function isSet(bits, doc) { return doc >> 3 < bits.length && (bits.charCodeAt(doc >> 3) >> (doc & 7)) & 1; }
  /* A document's month (yyyymm, 0 when undated) from the manifest's runs. */
  function monthOf(doc) {
    var runs = manifest.monthRuns;
    if (!Array.isArray(runs) || !runs.length) return 0;
    var low = 0, high = runs.length / 2;
    while (high - low > 1) { var mid = (low + high) >> 1; if (runs[mid * 2] <= doc) low = mid; else high = mid; }
    return runs[low * 2] <= doc ? runs[low * 2 + 1] : 0;
  }
  /* By month, newest or oldest first; within a month in the channel's order; undated last. */
  function dated(hits, newest) {
    var newestFirst = manifest.newestFirst === true;
    function key(h) { var m = monthOf(h.doc); return [m === 0 ? 1 : 0, newest ? -m : m, newestFirst === newest ? h.doc : -h.doc]; }
    return hits.map(function (h) { return { h: h, k: key(h) }; }).sort(function (a, b) {
      return a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2];
    }).map(function (x) { return x.h; });
  }
  /* AND of all words, none of the excluded ones; the last word is a prefix while it is being
     typed (an excluded word never is). */
  function search(query, filters) {
    var quoted = phrases(query), ops = operators(quoted.words);
    query = ops.words;
    var all = terms(query), typing = !/\s$/.test(query), typed = all.length;
    if (filters.tag) all.push({ word: "#" + filters.tag, excluded: false });
    var kinds = ops.kinds.filter(function (k) { return Array.isArray(manifest.kinds) && manifest.kinds.indexOf(k) >= 0; });
    return Promise.all(kinds.map(kindBits)).then(function (bits) {
      return Promise.all(quoted.phrases.map(phraseScores)).then(function (phraseParts) {
        return Promise.all(all.map(function (t, i) {
          return tokenScores(t.word, typing && i === typed - 1 && !t.excluded && t.word[0] !== "#");
        })).then(function (parts) { return { parts: parts, phraseParts: phraseParts, bits: bits }; });
      });
    }).then(function (loaded) {
      var bits = loaded.bits, parts = [], negated = [];
      /* Phrases first, then words, as SearchEngine.search; an empty phrase counts for nothing. */
      loaded.phraseParts.forEach(function (p, i) { if (p) { parts.push(p); negated.push(quoted.phrases[i].excluded); } });
      loaded.parts.forEach(function (p, i) { parts.push(p); negated.push(all[i].excluded); });
      if (negated.every(function (excluded) { return excluded; })) return { hits: [], stems: [], years: {}, channels: {} };
      var total = null, stems = [], out = {};
      parts.forEach(function (p, i) {
        if (negated[i]) { for (var x in p.scores) out[x] = true; return; }
        stems = stems.concat(p.stems);
        var next = {};
        for (var d in p.scores) if (total === null || d in total) next[d] = (total ? total[d] : 0) + p.scores[d];
        total = next;
      });
      for (var x in out) delete total[x];
      /* Each facet counts the query's posts under the other filters, not its own, so the
         counts say what choosing another year or channel would give. */
      var years = {}, channels = {};
      var hits = Object.keys(total).map(Number).filter(function (d) {
        if (!bits.every(function (b) { return isSet(b, d); })) return false;
        var month = monthOf(d), year = Math.floor(month / 100);
        /* year: and month: are one date filter: the years facet counts without either. */
        var inYears = (!ops.years || (year >= ops.years[0] && year <= ops.years[1])) &&
          (!ops.months || (month >= ops.months[0] && month <= ops.months[1]));
        var inChannel = !filters.channel || (d >= filters.channel[1] && d < filters.channel[2]);
        if (inChannel && year) years[year] = (years[year] || 0) + 1;
        if (inYears) { var c = channelOf(d); channels[c] = (channels[c] || 0) + 1; }
        return inYears && inChannel;
      }).map(function (d) { return { doc: d, score: total[d] }; });
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      if (ops.sort !== "relevance") hits = dated(hits, ops.sort === "newest");
      return { hits: hits, stems: stems, years: years, channels: channels };
    });
  }
  /* The channel a document is in (channels hold consecutive ranges, in order). */
  function channelOf(doc) {
    var list = manifest.channels, low = 0, high = list.length;
    while (high - low > 1) { var mid = (low + high) >> 1; if (list[mid][1] <= doc) low = mid; else high = mid; }
    return low;
  }
  /* The file holding a document's row, and the row: a channel's chunks count from its oldest
     post, in the channel's folder (SearchIndexLayout.docs, docsPlace). */
  function docFile(doc) {
    var c = manifest.channels[channelOf(doc)], local = doc - c[1];
    var age = manifest.newestFirst ? c[2] - c[1] - 1 - local : local, chunk = Math.floor(age / manifest.docsPerChunk);
    return { name: "docs:" + c[3] + ":" + chunk, path: "docs/" + c[3] + "/" + folderOf(chunk), row: age % manifest.docsPerChunk };
  }
  function docOf(doc) {
    var f = docFile(doc), rows = loaded[f.name];
    return Array.isArray(rows) ? rows[f.row] : null;
  }
  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }
  function snippet(text, stems) {
    var words = [], re = new RegExp(queryPattern.source, "gu"), m, first = -1;
    var plain = stems.filter(function (s) { return s[0] !== "#" && s.length > 1; });
    while ((m = re.exec(text))) {
      var w = normalize(m[0]);
      if (plain.some(function (s) { return w.indexOf(s) === 0; })) {
        words.push([m.index, m.index + m[0].length]);
        if (first < 0) first = m.index;
      }
    }
    var start = Math.max(0, first - 60);
    if (start > 0) { var space = text.slice(start, first).search(/\s/); if (space >= 0) start += space + 1; }
    var end = Math.min(text.length, start + 220), out = "", at = start;
    words.forEach(function (r) {
      if (r[0] < start || r[1] > end) return;
      out += escapeHTML(text.slice(at, r[0])) + "<mark>" + escapeHTML(text.slice(r[0], r[1])) + "</mark>";
      at = r[1];
    });
    out += escapeHTML(text.slice(at, end));
    return (start > 0 ? "…" : "") + out + (end < text.length ? "…" : "");
  }
  var input = document.getElementById("search-input"), list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var status = document.getElementById("search-status");
  if (!status) return;
  var channelSelect = document.getElementById("search-channel"), tagSelect = document.getElementById("search-tag");
  var manifest = null, generation = 0;
  /* Results are shown ten at a time; "Show more" appends the next ten, so every hit is reachable. */
  var pageSize = 10, last = null, shown = 0;
  function render(result, gen, count) {
    var top = result.hits.slice(0, count);
    var files = {};
    top.forEach(function (h) { var f = docFile(h.doc); files[f.name] = f.path; });
    return Promise.all(Object.keys(files).map(function (name) { return load(name, files[name]); })).then(function () {
      if (gen !== generation) return;
      top.forEach(function (h) {
        var d = docOf(h.doc);
        if (!Array.isArray(d) || d.length < 3 || typeof d[0] !== "string" || typeof d[1] !== "string" || typeof d[2] !== "string") {
          throw new Damaged(docFile(h.doc).path);
        }
      });
      /* The post page marks the words this query found (words.js). */
      var found = result.stems.filter(function (s) { return s[0] !== "#" && s.length > 1; }).slice(0, 20);
      var highlightQuery = found.length ? "?highlight=" + encodeURIComponent(found.join(" ")) : "";
      list.innerHTML = top.map(function (h) {
        var d = docOf(h.doc), channel = manifest.channels[channelOf(h.doc)][0];
        return '<li data-score="' + h.score + '"><a class="result-title" href="' + escapeHTML(root + d[1] + highlightQuery) + '">' + escapeHTML(d[0]) +
          '</a><div class="result-meta">' + escapeHTML(channel) + dateOf(d) +
          '</div><p class="result-snippet">' + snippet(d[2], result.stems) + "</p></li>";
      }).join("");
      last = result;
      shown = top.length;
      more.hidden = shown >= result.hits.length;
      status.textContent = result.hits.length
        ? countText("found", result.hits.length, "{n} post found", "{n} posts found") + (more.hidden ? "" : say("showing", ", showing {shown}", { shown: shown }))
        : say("noResults", "No results. Try fewer or shorter words.");
      showYears(result.years || {});
      showChannels(result.channels || {});
    });
  }
  /* Each channel's count in its option: the query's posts there, or all its posts while the
     box is empty. */
  function showChannels(counts) {
    manifest.channels.forEach(function (c, i) {
      var option = channelSelect.options[i + 1];
      if (option) option.text = c[0] + " (" + localeNumber(counts ? counts[i] || 0 : c[2] - c[1]) + ")";
    });
  }
  /* The years the query's posts are from, newest first, each with its count and a link that
     narrows the query to it (`year:2024` in the query, so the URL keeps it). */
  var yearsBox = document.createElement("p");
  yearsBox.id = "search-years";
  yearsBox.className = "search-years";
  yearsBox.hidden = true;
  status.parentNode.insertBefore(yearsBox, status.nextSibling);
  function withYear(q, year) {
    var rest = q.replace(/(^|\s)year:\S*/g, "$1").replace(/\s+$/, "");
    return year ? (rest ? rest + " " : "") + "year:" + year + " " : rest + " ";
  }
  function showYears(years) {
    var list = Object.keys(years).map(Number).sort(function (a, b) { return b - a; });
    var filtered = /(^|\s)year:\S/.test(input.value);
    yearsBox.hidden = !(list.length > 1 || filtered);
    if (yearsBox.hidden) { yearsBox.innerHTML = ""; return; }
    var links = list.map(function (y) {
      return '<a href="#" data-year="' + y + '">' + y + "</a> (" + escapeHTML(localeNumber(years[y])) + ")";
    });
    if (filtered) links.push('<a href="#" data-year="">' + escapeHTML(say("allYears", "all years")) + "</a>");
    yearsBox.innerHTML = escapeHTML(say("years", "Years")) + ": " + links.join(" · ");
  }
  yearsBox.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-year]") : null;
    if (!a) return;
    e.preventDefault();
    input.value = withYear(input.value, a.getAttribute("data-year"));
    run();
  });
  /* A result's date: its day in the page's language (the index holds it as yyyy-MM-dd), else the
     date as the copy wrote it. */
  var dayFormat = null;
  function dateOf(d) {
    if (typeof d[4] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d[4])) {
      var day = new Date(d[4] + "T00:00:00Z");
      if (!isNaN(day.getTime())) {
        try {
          dayFormat = dayFormat || new Intl.DateTimeFormat(document.documentElement.lang || undefined, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
        } catch (e) { dayFormat = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }); }
        return ' · <time datetime="' + d[4] + '">' + escapeHTML(dayFormat.format(day)) + "</time>";
      }
    }
    return typeof d[3] === "string" && d[3] ? " · " + escapeHTML(d[3]) : "";
  }
  /* Each loosening of a query's own words (SearchEngine.relaxations, in the same order): its
     phrases unquoted, then each year:, month: and has: operator, each -word and each -"phrase" left
     out; a loosened query is written anew, words then phrases in ASCII quotes, then a space. */
  function relaxations(query) {
    var q = phrases(query), tokens = q.words.split(/\s+/).filter(Boolean), out = [];
    function write(ts, ps) {
      return ts.concat(ps.map(function (p) { return (p.excluded ? "-" : "") + '"' + p.text + '"'; })).join(" ") + " ";
    }
    var included = q.phrases.filter(function (p) { return !p.excluded; });
    if (included.length) {
      out.push({ label: say("withoutQuotes", "without the quotes"),
        query: write(tokens.concat(included.map(function (p) { return p.text; })), q.phrases.filter(function (p) { return p.excluded; })) });
    }
    tokens.forEach(function (t, i) {
      if (!/^(year:|month:|has:)/.test(t) && !/^-[\p{L}\p{N}#]/u.test(t)) return;
      out.push({ label: say("without", "without {what}", { what: t }), query: write(tokens.slice(0, i).concat(tokens.slice(i + 1)), q.phrases) });
    });
    q.phrases.forEach(function (p, i) {
      if (!p.excluded) return;
      out.push({ label: say("without", "without {what}", { what: '-"' + p.text + '"' }),
        query: write(tokens, q.phrases.filter(function (x, j) { return j !== i; })) });
    });
    return out;
  }
  /* When a query finds nothing, the loosenings that would find something, with their counts, as
     links that apply them (SearchEngine.suggestions); none: the plain "no results" stays. */
  function suggest(q, filters, gen) {
    var options = relaxations(q).map(function (r) { return { label: r.label, query: r.query, channel: filters.channel, tag: filters.tag }; });
    if (filters.channel) options.push({ label: say("allChannels", "in all channels"), query: q, channel: null, tag: filters.tag });
    if (filters.tag) options.push({ label: say("anyTag", "with any tag"), query: q, channel: filters.channel, tag: "" });
    return Promise.all(options.map(function (o) {
      return search(o.query, { channel: o.channel, tag: o.tag }).then(function (r) { o.count = r.hits.length; return o; });
    })).then(function (found) {
      found = found.filter(function (o) { return o.count > 0; });
      if (gen !== generation || !found.length) return;
      status.textContent = say("noResultsTry", "No results. Found instead:");
      found.forEach(function (o, i) {
        var a = document.createElement("a");
        a.href = "#";
        a.className = "search-suggestion";
        a.textContent = o.label;
        a.addEventListener("click", function (e) {
          e.preventDefault();
          input.value = o.query;
          if (!o.channel) channelSelect.value = "";
          if (!o.tag) tagSelect.value = "";
          run();
          input.focus();
        });
        status.appendChild(document.createTextNode(i ? " · " : " "));
        status.appendChild(a);
        status.appendChild(document.createTextNode(" (" + localeNumber(o.count) + ")"));
      });
    });
  }
  /* The query and both filters live in the URL, so a reload or a shared link shows the same. */
  function remember(q) {
    var url = new URL(window.location.href);
    [["q", q], ["channel", channelSelect.value === "" ? "" : manifest.channels[Number(channelSelect.value)][0]], ["tag", tagSelect.value]]
      .forEach(function (p) { if (p[1]) url.searchParams.set(p[0], p[1]); else url.searchParams.delete(p[0]); });
    try { history.replaceState(null, "", url.toString()); } catch (e) { /* file:// in some browsers */ }
  }
  /* The tab names the query (`cats · Search · Archive`), so history and tabs tell searches apart. */
  var baseTitle = document.title;
  function run() {
    var q = input.value, gen = ++generation;
    remember(q);
    document.title = q.trim() ? q.trim() + " · " + baseTitle : baseTitle;
    var ch = channelSelect.value === "" ? null : manifest.channels[Number(channelSelect.value)];
    if (!tokens(q).length && !tagSelect.value) {
      list.innerHTML = ""; status.textContent = ""; more.hidden = true; showYears({}); showChannels(null);
      if (tagCounts.query !== null) { tagCounts.query = null; showTags(null); }
      return;
    }
    status.textContent = say("searching", "Searching…");
    var filters = { channel: ch, tag: tagSelect.value };
    /* Counts of another query are not left showing: the totals come back until the filter is opened. */
    if (tagCounts.query !== null && tagCounts.query !== q + "\u0000" + channelSelect.value) { tagCounts.query = null; showTags(null); }
    if (document.activeElement === tagSelect) countTags();
    search(q, filters).then(function (r) {
      if (gen !== generation) return;
      return render(r, gen, pageSize).then(function () { if (!r.hits.length) return suggest(q, filters, gen); });
    }).catch(function (e) { if (gen === generation) damaged(e); });
  }
  /* The tag filter's counts for the current query, under the other filters: worked out when
     the filter is opened (focus), not with every query, since each tag's postings are a file to
     load; the 50 largest tags are counted, the rest keep their totals. */
  var tagCounts = { query: null };
  function showTags(counts) {
    manifest.tags.forEach(function (t, i) {
      var option = tagSelect.options[i + 1], n = counts && t[1] in counts ? counts[t[1]] : t[2];
      if (option) option.text = t[0] + " (" + localeNumber(n) + ")";
    });
  }
  function countTags() {
    var q = input.value, ch = channelSelect.value === "" ? null : manifest.channels[Number(channelSelect.value)];
    var key = q + "\u0000" + channelSelect.value;
    if (tagCounts.query === key) return;
    tagCounts.query = key;
    if (!tokens(q).length) { showTags(null); return; }
    var gen = generation;
    var largest = manifest.tags.slice().sort(function (a, b) { return b[2] - a[2]; }).slice(0, 50);
    search(q, { channel: ch, tag: "" }).then(function (r) {
      return Promise.all(largest.map(function (t) { return postings("#" + t[1]); })).then(function (maps) {
        if (gen !== generation || tagCounts.query !== key) return;
        var counts = {};
        largest.forEach(function (t, i) {
          counts[t[1]] = r.hits.reduce(function (n, h) { return n + (h.doc in maps[i] ? 1 : 0); }, 0);
        });
        showTags(counts);
      });
    }).catch(function (e) { if (gen === generation) damaged(e); });
  }
  function showMore() {
    if (!last) return;
    var gen = generation, first = shown;
    render(last, gen, shown + pageSize).then(function () {
      var links = list.querySelectorAll("a.result-title");
      if (links[first]) links[first].focus();
    }).catch(function (e) { if (gen === generation) damaged(e); });
  }
  /* Arrow keys move between the box and every result; Enter in the box opens the first one. */
  function onKey(e) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a.result-title"));
    var at = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && links.length) {
      e.preventDefault();
      if (at < links.length - 1) links[at + 1].focus(); else if (!more.hidden) showMore();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      if (at === 0) input.focus(); else links[at - 1].focus();
    } else if (e.key === "Enter" && document.activeElement === input && links.length) {
      e.preventDefault();
      window.location.href = links[0].href;
    }
  }
  function damaged(e) {
    list.innerHTML = "";
    status.textContent = say("indexDamaged", "The search index is missing or damaged") + (e && e.file ? " (search/" + e.file + ")" : "") +
      ". " + say("rebuild", "Rebuild the site with 'chansite build'.");
    app.setAttribute("data-error", "true");
  }
  /* The index layout this script reads (SearchManifest.version); an index of another is rebuilt. */
  var VERSION = 5;
  function validManifest(m) {
    return m && typeof m === "object" && Number.isInteger(m.buckets) && m.buckets >= 1 &&
      Number.isInteger(m.docsPerChunk) && m.docsPerChunk >= 1 && Array.isArray(m.channels) && Array.isArray(m.tags) &&
      Number.isInteger(m.filesPerFolder) && m.filesPerFolder >= 1 && Number.isInteger(m.formBuckets) && m.formBuckets >= 1 &&
      m.version === VERSION &&
      m.channels.every(function (c) { return Array.isArray(c) && c.length >= 4 && typeof c[0] === "string" && c[1] >= 0 && c[1] <= c[2] && /^[A-Za-z0-9_-]+$/.test(c[3]); }) &&
      m.tags.every(function (t) { return Array.isArray(t) && t.length >= 3 && typeof t[0] === "string" && typeof t[1] === "string"; }) &&
      (m.monthRuns === undefined || validRuns(m.monthRuns)) &&
      (m.kinds === undefined || (Array.isArray(m.kinds) && m.kinds.every(function (k) { return KINDS.indexOf(k) >= 0; })));
  }
  /* Month runs as SearchManifest.validRuns: pairs from document 0, documents increasing, months 0 or yyyymm. */
  function validRuns(runs) {
    if (!Array.isArray(runs) || runs.length % 2 || (runs.length && runs[0] !== 0)) return false;
    for (var i = 0, previous = -1; i < runs.length; i += 2) {
      var doc = runs[i], month = runs[i + 1];
      if (!Number.isInteger(doc) || doc <= previous || !Number.isInteger(month)) return false;
      if (month !== 0 && !(month >= 100 && month <= 999912 && month % 100 >= 1 && month % 100 <= 12)) return false;
      previous = doc;
    }
    return true;
  }
  load("manifest", "manifest.js").then(function (m) {
    if (!validManifest(m)) { damaged(new Damaged("manifest.js")); app.setAttribute("data-ready", "true"); return; }
    manifest = m;
    m.channels.forEach(function (c, i) { channelSelect.add(new Option(c[0] + " (" + (c[2] - c[1]) + ")", String(i))); });
    m.tags.forEach(function (t) { tagSelect.add(new Option(t[0] + " (" + t[2] + ")", t[1])); });
    var params = new URL(window.location.href).searchParams;
    if (params.get("q")) input.value = params.get("q");
    m.channels.forEach(function (c, i) { if (c[0] === params.get("channel")) channelSelect.value = String(i); });
    if (params.get("tag")) tagSelect.value = params.get("tag");
    input.addEventListener("input", run);
    channelSelect.addEventListener("change", run);
    tagSelect.addEventListener("change", run);
    tagSelect.addEventListener("focus", countTags);
    document.addEventListener("keydown", onKey);
    more.addEventListener("click", showMore);
    app.setAttribute("data-ready", "true");
    run();
  });
})();
