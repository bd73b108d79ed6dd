/* summit-kg site: tables that sort (click or Enter on a column's button) and filter (every
   word typed must occur in the row, ignoring case and diacritics). No data leaves the page. */
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function key(cell) {
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    raw = raw.trim();
    if (raw === "") { return { empty: true }; }
    var number = Number(raw);
    return { text: fold(raw), number: isNaN(number) ? undefined : number };
  }
  // Numbers by value when both cells are numbers; anything else as text, digits by value
  // ("2030" after "2025-06-18"); empty cells always last.
  function compare(a, b) {
    if (a.number !== undefined && b.number !== undefined) { return a.number - b.number; }
    return a.text.localeCompare(b.text, undefined, { numeric: true });
  }
  function sortBy(table, th, column) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      h.setAttribute("aria-sort", "none");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) {
      return { row: row, key: key(row.cells[column]), i: i };
    });
    rows.sort(function (x, y) {
      if (x.key.empty || y.key.empty) {
        return ((x.key.empty ? 1 : 0) - (y.key.empty ? 1 : 0)) || x.i - y.i;
      }
      var order = compare(x.key, y.key);
      return (ascending ? order : -order) || x.i - y.i;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
      var button = th.querySelector("button");
      if (button) { button.addEventListener("click", function () { sortBy(table, th, column); }); }
    });
  });
  document.querySelectorAll("input.filter").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    var count = document.getElementById(input.getAttribute("data-table") + "-count");
    if (!table) { return; }
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var keep = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        row.hidden = !keep;
        if (keep) { shown += 1; }
      });
      if (count) {
        count.textContent = words.length ? shown + " of " + rows.length + " rows" : rows.length + " rows";
      }
    });
  });
})();
