// Self-signification for pointer users: a triangle to tap or drag in, stones to drag onto a field.
// Progressive enhancement only: every question already has plain inputs (percentages, a range, numbers)
// that keyboard and screen-reader users fill in; this script shows the drawings and writes into those inputs.
// Geometry as in Features/Signification/Geometry.cs: left = (0,0), right = (1,0), top = (0.5,1).
(function () {
  "use strict";
  var HEIGHT = Math.sqrt(3) / 2;

  function svgPoint(svg, event) {
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var matrix = svg.getScreenCTM();
    return matrix ? point.matrixTransform(matrix.inverse()) : point;
  }

  function num(value) {
    var n = parseFloat(String(value).replace(",", "."));
    return isNaN(n) ? null : n;
  }

  function setValue(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function uncheckNa(fieldset) {
    var na = fieldset.querySelector("[data-na]");
    if (na) na.checked = false;
  }

  // Pointer capture makes dragging work the same for mouse, pen and touch.
  function onDrag(element, handler) {
    var active = false;
    element.addEventListener("pointerdown", function (e) {
      active = true;
      element.setPointerCapture(e.pointerId);
      handler(e, true);
      e.preventDefault();
    });
    element.addEventListener("pointermove", function (e) { if (active) handler(e, false); });
    function stop(e) {
      if (!active) return;
      active = false;
      if (element.hasPointerCapture(e.pointerId)) element.releasePointerCapture(e.pointerId);
    }
    element.addEventListener("pointerup", stop);
    element.addEventListener("pointercancel", stop);
  }

  function triad(fieldset) {
    var wrap = fieldset.querySelector("[data-canvas-wrap]");
    var svg = wrap.querySelector("svg");
    var marker = svg.querySelector("[data-marker]");
    var left = num(svg.dataset.left), base = num(svg.dataset.base), side = num(svg.dataset.side);
    var inputs = {
      top: fieldset.querySelector("[data-part=top]"),
      left: fieldset.querySelector("[data-part=left]"),
      right: fieldset.querySelector("[data-part=right]")
    };
    var sum = fieldset.querySelector("[data-sum]");

    function draw() {
      var t = num(inputs.top.value) || 0, l = num(inputs.left.value) || 0, r = num(inputs.right.value) || 0;
      var total = t + l + r;
      var filled = inputs.top.value || inputs.left.value || inputs.right.value;
      if (sum) sum.textContent = filled ? sum.dataset.label.replace("{0}", String(Math.round(total * 100) / 100)) : "";
      if (!filled || Math.abs(total - 100) > 0.001 || t < 0 || l < 0 || r < 0) {
        marker.setAttribute("visibility", "hidden");
        return;
      }
      // Inverse: x = right + top/2, y = top.
      var x = r / 100 + t / 200, y = t / 100;
      marker.setAttribute("cx", String(left + x * side));
      marker.setAttribute("cy", String(base - y * side * HEIGHT));
      marker.setAttribute("visibility", "visible");
    }

    onDrag(svg, function (e) {
      var p = svgPoint(svg, e);
      var x = (p.x - left) / side, y = (base - p.y) / (side * HEIGHT);
      // Shares: top = y, right = x − y/2, left = 1 − x − y/2; outside the triangle, clamp and close to 1.
      var top = Math.max(0, y), right = Math.max(0, x - y / 2), leftShare = Math.max(0, 1 - x - y / 2);
      var total = top + right + leftShare;
      if (total <= 0) return;
      var t = Math.round(top / total * 100), r = Math.round(right / total * 100);
      if (t + r > 100) r = 100 - t;
      uncheckNa(fieldset);
      inputs.top.value = String(t);
      inputs.right.value = String(r);
      setValue(inputs.left, String(100 - t - r));
    });
    [inputs.top, inputs.left, inputs.right].forEach(function (input) { input.addEventListener("input", draw); });
    wrap.hidden = false;
    draw();
  }

  function dyad(fieldset) {
    var range = fieldset.querySelector("[data-part=x]");
    var output = fieldset.querySelector("[data-output]");
    // A slider always has a value: tell the server when nobody moved it, so its middle is not recorded as an answer.
    var untouched = null;
    if (range.dataset.fresh === "true") {
      untouched = document.createElement("input");
      untouched.type = "hidden";
      untouched.name = range.name.replace(/\.x$/, ".untouched");
      untouched.value = "true";
      fieldset.appendChild(untouched);
    }
    range.addEventListener("input", function () {
      if (output) output.textContent = range.value;
      if (untouched) { untouched.remove(); untouched = null; }
      uncheckNa(fieldset);
    });
  }

  function stones(fieldset) {
    var wrap = fieldset.querySelector("[data-canvas-wrap]");
    var svg = wrap.querySelector("svg");
    var x0 = num(svg.dataset.x0), y0 = num(svg.dataset.y0), size = num(svg.dataset.size);

    svg.querySelectorAll("[data-stone]").forEach(function (stone) {
      var id = stone.dataset.stone;
      var box = fieldset.querySelector("[data-stone-inputs='" + id + "']");
      var xInput = box.querySelector("[data-axis=x]"), yInput = box.querySelector("[data-axis=y]");

      function place() {
        var x = num(xInput.value), y = num(yInput.value);
        var placed = x !== null && y !== null && x >= 0 && x <= 100 && y >= 0 && y <= 100;
        var px = placed ? x0 + x / 100 * size : num(stone.dataset.trayX);
        var py = placed ? y0 + (1 - y / 100) * size : num(stone.dataset.trayY);
        stone.setAttribute("transform", "translate(" + px + " " + py + ")");
      }

      onDrag(stone, function (e) {
        var p = svgPoint(svg, e);
        var inField = p.x >= x0 && p.x <= x0 + size && p.y >= y0 && p.y <= y0 + size;
        if (inField) {
          uncheckNa(fieldset);
          xInput.value = String(Math.round((p.x - x0) / size * 100));
          setValue(yInput, String(Math.round((1 - (p.y - y0) / size) * 100)));
        } else {
          // Dragged back below the field: not placed.
          xInput.value = "";
          setValue(yInput, "");
          stone.setAttribute("transform", "translate(" + p.x + " " + p.y + ")");
        }
      });
      stone.addEventListener("pointerup", place);
      xInput.addEventListener("input", place);
      yInput.addEventListener("input", place);
      place();
    });
    wrap.hidden = false;
  }

  document.querySelectorAll("[data-signify]").forEach(function (fieldset) {
    var kind = fieldset.dataset.signify;
    if (kind === "triad") triad(fieldset);
    else if (kind === "dyad") dyad(fieldset);
    else if (kind === "stones") stones(fieldset);
  });
})();
