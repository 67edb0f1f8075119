/* Filters for the regulation index (KPU site): one <select> per column named in the wrapper's
 * data-filter-columns, built from the table's own cells. No network, no modules: it works from a
 * server and from file:// in the offline bundle. Without JavaScript the whole table is shown. */
(function () {
  "use strict";

  function text(cell) {
    return (cell ? cell.textContent : "").replace(/\s+/g, " ").trim();
  }

  function setup(wrapper) {
    var table = wrapper.querySelector("table");
    if (!table || wrapper.querySelector(".kpu-filter__controls")) return;
    var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), text);
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var wanted = (wrapper.getAttribute("data-filter-columns") || "").split(",");
    var controls = document.createElement("div");
    controls.className = "kpu-filter__controls";
    var status = document.createElement("p");
    status.className = "kpu-filter__count";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var selects = [];

    wanted.forEach(function (name) {
      name = name.trim();
      var column = headers.indexOf(name);
      if (column < 0) return;
      var values = {};
      rows.forEach(function (row) {
        var value = text(row.cells[column]);
        if (value) values[value] = true;
      });
      var id = "kpu-filter-" + name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
      var label = document.createElement("label");
      label.setAttribute("for", id);
      label.textContent = name;
      var select = document.createElement("select");
      select.id = id;
      select.setAttribute("data-column", String(column));
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "Semua";
      select.appendChild(all);
      Object.keys(values)
        .sort(function (a, b) {
          var x = Number(a), y = Number(b);
          return isNaN(x) || isNaN(y) ? a.localeCompare(b, "id") : y - x;
        })
        .forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value;
          select.appendChild(option);
        });
      select.addEventListener("change", apply);
      var field = document.createElement("span");
      field.className = "kpu-filter__field";
      field.appendChild(label);
      field.appendChild(select);
      controls.appendChild(field);
      selects.push(select);
    });

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var match = selects.every(function (select) {
          var column = Number(select.getAttribute("data-column"));
          return !select.value || text(row.cells[column]) === select.value;
        });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown + " dari " + rows.length + " peraturan ditampilkan";
    }

    wrapper.insertBefore(status, wrapper.firstChild);
    wrapper.insertBefore(controls, status);
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter-columns]"), setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
