/* chansite's word rules, as the search index writes words (Tokenizer.swift, ArabicText.swift,
   CompoundScanner.swift): the search page reads queries with them, and a post page opened from a
   search result (`?highlight=…`, the result's matched word forms) marks those words in the post.
   No dependencies; the marks are made with DOM nodes, never HTML from the URL. */
var chansiteWords = (function () {
  "use strict";
  /* As Tokenizer writes words: composed (NFC), lower case, ё as е, and Arabic folded
     (ArabicText: marks and tatweel dropped, alef/ya/ta marbuta variants as one letter, one
     leading article or conjunction off). */
  var arabicDropped = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u0640]/g;
  var arabicPrefixes = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0627\u0644", "\u0644\u0644", "\u0648"];
  function foldArabic(word) {
    return word.replace(arabicDropped, "").replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627").replace(/\u0649/g, "\u064A").replace(/\u0629/g, "\u0647");
  }
  function arabic(word) {
    word = foldArabic(word);
    var n = Array.from(word).length;
    for (var i = 0; i < arabicPrefixes.length; i++) {
      var p = arabicPrefixes[i];
      if (word.indexOf(p) === 0 && (p.length === 1 ? n > 3 : n >= p.length + 2)) return word.slice(p.length);
    }
    return word;
  }
  /* A compound (CompoundScanner: `gpt-4`, `3.14`, `c++`, `c#`, `.net`) is one term, folded
     but never cut: a query for it matches it exactly. */
  var wordPattern = /\.?[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[.\-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*[+#]*/gu;
  var queryPattern = new RegExp("#[\\p{L}\\p{N}_]+|" + wordPattern.source, "gu");
  function isCompound(word) { return word[0] !== "#" && /[.\-+#]/.test(word); }
  function normalize(word) {
    /* A #hashtag is a name: matched as Tag.key writes it, never folded further. */
    if (word[0] === "#") return word.toLowerCase().replace(/ё/g, "е");
    word = word.normalize("NFC").toLowerCase().replace(/ё/g, "е");
    if (!/[\u0600-\u06FF]/.test(word)) return word;
    return isCompound(word) ? foldArabic(word) : arabic(word);
  }
  /* The same words the build indexed: letters and digits; a leading # keeps a hashtag whole. */
  /* Scripts written without spaces (Han, kana, Thai, Lao, Myanmar, Khmer) are searched as
     overlapping character pairs, as Tokenizer.splitSpaceless indexes them. */
  var spaceless = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u{20000}-\u{2FA1F}]/u;
  function splitSpaceless(word) {
    if (word[0] === "#" || !spaceless.test(word)) return [word];
    var out = [], run = [], other = "";
    function flushRun() {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    }
    Array.from(word).forEach(function (c) {
      if (spaceless.test(c)) { if (other) { out.push(other); other = ""; } run.push(c); }
      else { flushRun(); other += c; }
    });
    flushRun();
    if (other) out.push(other);
    return out;
  }
  /* A phrase's words and their slots, as Tokenizer.positionedWords numbers them: each word (and
     each character pair of a spaceless run) takes the next slot, a compound its first part's,
     after its parts; a `#` before a word is punctuation there. */
  function positioned(text) {
    var out = [], slot = 0, re = new RegExp(wordPattern.source, "gu"), m;
    function add(word) { splitSpaceless(normalize(word)).forEach(function (w) { out.push({ word: w, slot: slot++ }); }); }
    text = text.replace(/(https?:\/\/|t\.me\/)\S+/gi, " ");
    while ((m = re.exec(text))) {
      if (!isCompound(m[0])) { add(m[0]); continue; }
      var first = slot;
      m[0].split(/[.\-+#]+/).filter(Boolean).forEach(add);
      out.push({ word: normalize(m[0]), slot: first });
    }
    return out;
  }
  /* Marks, in the post, every word whose form begins with one of `forms` (as the result's
     snippet does), and brings the first into view. */
  function highlight(forms) {
    forms = forms.filter(function (f) { return f.length > 1 && f[0] !== "#"; }).slice(0, 20);
    var body = document.querySelector(".post-page");
    if (!forms.length || !body) return;
    var walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT), nodes = [], node;
    while ((node = walker.nextNode())) {
      if (!node.parentNode.closest("script, style, mark, .post-meta, .visually-hidden")) nodes.push(node);
    }
    nodes.forEach(function (text) {
      var re = new RegExp(queryPattern.source, "gu"), m, found = [];
      while ((m = re.exec(text.data))) {
        var w = normalize(m[0]);
        if (forms.some(function (f) { return w.indexOf(f) === 0; })) found.push([m.index, m.index + m[0].length]);
      }
      for (var i = found.length - 1; i >= 0; i--) {
        var word = text.splitText(found[i][0]);
        word.splitText(found[i][1] - found[i][0]);
        var mark = document.createElement("mark");
        word.parentNode.replaceChild(mark, word);
        mark.appendChild(word);
      }
    });
    var first = body.querySelector("mark");
    if (first) first.scrollIntoView({ block: "center" });
  }
  var wanted = null;
  try { wanted = new URLSearchParams(window.location.search).get("highlight"); } catch (e) { wanted = null; }
  if (wanted) highlight(wanted.split(/\s+/).slice(0, 20));
  return { pattern: queryPattern, normalize: normalize, isCompound: isCompound, splitSpaceless: splitSpaceless, positioned: positioned, highlight: highlight };
})();
