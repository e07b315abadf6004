/* chansite's photo viewer. Without this script a photo is a link to its file; with it, a photo
   opens in a modal dialog over the page: previous and next within the post's photos (buttons,
   arrow keys, a swipe), Escape or the close button to leave, focus back on the photo after.
   Labels come from the script tag's data attributes (the site's language). */
(function () {
  "use strict";
  var script = document.currentScript;
  var words = {
    close: script && script.getAttribute("data-close") || "Close",
    previous: script && script.getAttribute("data-previous") || "Previous photo",
    next: script && script.getAttribute("data-next") || "Next photo"
  };
  var dialog, image, counter, previousButton, nextButton, photos = [], index = 0, opener = null, touchX = null;

  function button(name, text, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "viewer-" + name;
    b.setAttribute("aria-label", words[name]);
    b.textContent = text;
    b.addEventListener("click", action);
    return b;
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "viewer";
    image = document.createElement("img");
    image.className = "viewer-image";
    counter = document.createElement("p");
    counter.className = "viewer-counter";
    counter.setAttribute("aria-live", "polite");
    previousButton = button("previous", "‹", function () { show(index - 1); });
    nextButton = button("next", "›", function () { show(index + 1); });
    dialog.appendChild(button("close", "×", function () { dialog.close(); }));
    dialog.appendChild(previousButton);
    dialog.appendChild(image);
    dialog.appendChild(nextButton);
    dialog.appendChild(counter);
    dialog.addEventListener("close", function () {
      image.removeAttribute("src");
      if (opener) opener.focus();
    });
    // A click on the dark backdrop (the dialog itself, not its contents) closes it.
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      var rtl = getComputedStyle(dialog).direction === "rtl";
      if (event.key === "ArrowRight") { show(index + (rtl ? -1 : 1)); event.preventDefault(); }
      if (event.key === "ArrowLeft") { show(index + (rtl ? 1 : -1)); event.preventDefault(); }
    });
    image.addEventListener("pointerdown", function (event) { touchX = event.clientX; });
    image.addEventListener("pointerup", function (event) {
      if (touchX === null) return;
      var moved = event.clientX - touchX;
      touchX = null;
      if (Math.abs(moved) > 40) show(index + (moved < 0 ? 1 : -1));
    });
    document.body.appendChild(dialog);
  }

  function show(at) {
    index = (at + photos.length) % photos.length;
    var link = photos[index], thumbnail = link.querySelector("img");
    image.src = link.href;
    image.alt = thumbnail ? thumbnail.alt : "";
    counter.textContent = photos.length > 1 ? (index + 1) + " / " + photos.length : "";
    previousButton.hidden = nextButton.hidden = photos.length < 2;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".media a.photo") : null;
    if (!link || link.hasAttribute("download") || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!window.HTMLDialogElement) return;
    event.preventDefault();
    if (!dialog) build();
    photos = Array.prototype.slice.call(link.closest(".media").querySelectorAll("a.photo:not([download])"));
    opener = link;
    dialog.setAttribute("aria-label", link.querySelector("img") ? link.querySelector("img").alt : words.close);
    show(photos.indexOf(link));
    dialog.showModal();
  });
})();
