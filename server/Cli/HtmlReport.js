// The audit report's script: sorts the table of findings when a column header is clicked, and filters its rows by
// text, category and severity. Everything else on the page is drawn by the CLI, so the figures do not depend on it.
(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = table.tHead.rows[0].cells;
  var text = document.getElementById("filter-text");
  var category = document.getElementById("filter-category");
  var severity = document.getElementById("filter-severity");
  var shown = document.getElementById("shown-count");
  var collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

  function cellValue(row, index, type) {
    var value = row.cells[index].textContent;
    return type === "number" ? Number(value) : value;
  }

  function sortBy(index) {
    var header = headers[index];
    var type = header.getAttribute("data-type");
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    for (var i = 0; i < headers.length; i++) { headers[i].removeAttribute("aria-sort"); }
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    // The sort is stable: rows that compare equal keep their order, which is the documents' order.
    var keyed = rows.map(function (row, position) { return { row: row, key: cellValue(row, index, type), position: position }; });
    keyed.sort(function (a, b) {
      var order = type === "number" ? a.key - b.key : collator.compare(a.key, b.key);
      if (!ascending) { order = -order; }
      return order !== 0 ? order : a.position - b.position;
    });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (entry) { fragment.appendChild(entry.row); });
    body.appendChild(fragment);
    rows = keyed.map(function (entry) { return entry.row; });
  }

  function filter() {
    var words = text.value.trim().toLocaleLowerCase("fr");
    var wantedCategory = category.value;
    var wantedSeverity = severity.value;
    var count = 0;
    rows.forEach(function (row) {
      var visible = (wantedCategory === "" || row.getAttribute("data-category") === wantedCategory)
        && (wantedSeverity === "" || row.getAttribute("data-severity") === wantedSeverity)
        && (words === "" || row.textContent.toLocaleLowerCase("fr").indexOf(words) >= 0);
      row.hidden = !visible;
      if (visible) { count++; }
    });
    shown.textContent = String(count);
  }

  Array.prototype.forEach.call(headers, function (header, index) {
    var button = header.querySelector("button");
    if (button) { button.addEventListener("click", function () { sortBy(index); }); }
  });
  text.addEventListener("input", filter);
  category.addEventListener("change", filter);
  severity.addEventListener("change", filter);
}());
