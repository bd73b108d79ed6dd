/* summit-kg site: keyboard help shared by every page.
   "/" moves the focus to the search box (as on many sites), unless one is typing already. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing) { return; }
    var box = document.getElementById("kg-search") || document.getElementById("kg-find");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });
})();
