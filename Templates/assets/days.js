/* chansite "on this day": the home page lists each calendar day with the years it has posts in
   (data-days="03-05:2021,2023;…"); this picks the reader's today and, when earlier years have
   posts on it, links each year's posts. Without it the section links the page of every day. */
(function () {
  "use strict";
  var box = document.querySelector(".on-this-day");
  if (!box) return;
  var now = new Date();
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  var key = pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  var entry = (box.getAttribute("data-days") || "").split(";").filter(function (e) { return e.slice(0, 6) === key + ":"; })[0];
  if (!entry) return;
  var years = entry.slice(6).split(",").map(Number).filter(function (y) { return y && y < now.getFullYear(); });
  if (!years.length) return;
  var page = (box.getAttribute("data-day-url") || "").replace("MM-DD", key);
  var text = box.querySelector(".on-this-day-text");
  text.textContent = (box.getAttribute("data-label") || "") + " ";
  years.reverse().forEach(function (year, i) {
    if (i) text.appendChild(document.createTextNode(" · "));
    var link = document.createElement("a");
    link.href = page + "#y" + year;
    link.textContent = String(year);
    text.appendChild(link);
  });
})();
