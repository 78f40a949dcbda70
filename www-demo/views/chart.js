// A bar chart of amounts per month, drawn as SVG: no chart library for a dozen bars.
import { formatMoney, formatMonth } from "../lib/dom.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 240;
const PAD = { top: 16, right: 8, bottom: 28, left: 64 };

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A round step for the value axis, so gridlines fall on readable numbers. */
function niceStep(max, lines) {
  const raw = max / lines;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10;
  return step * magnitude;
}

/**
 * `months` as `[["2026-01", amount], ...]` in order, drawn `width` pixels wide (the slot's
 * width, so labels keep their size); the SVG still scales if the window is resized.
 */
export function monthlyChart(months, currency, width) {
  const chartWidth = Math.max(width || 640, 280);
  const max = Math.max(...months.map(([, amount]) => amount), 0);
  const step = niceStep(max, 4);
  const top = Math.max(step * Math.ceil(max / step), step);
  const plotWidth = chartWidth - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(months.length, 1);
  const labelEvery = Math.ceil(46 / slot);
  const summary = months.map(([month, amount]) => `${formatMonth(month)} ${formatMoney(amount, currency)}`).join(", ");
  const chart = svg("svg", { viewBox: `0 0 ${chartWidth} ${HEIGHT}`, class: "chart", role: "img", "aria-label": `Invoiced per month in ${currency}: ${summary}` });
  const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
  for (let value = 0; value <= top; value += step) {
    const y = PAD.top + plotHeight - (value / top) * plotHeight;
    chart.append(svg("line", { x1: PAD.left, x2: chartWidth - PAD.right, y1: y, y2: y, class: "grid" }));
    chart.append(svg("text", { x: PAD.left - 8, y: y + 4, class: "axis", "text-anchor": "end" }, compact.format(value)));
  }
  months.forEach(([month, amount], i) => {
    const height = (amount / top) * plotHeight;
    const x = PAD.left + i * slot + slot * 0.18;
    const bar = svg("rect", { x, y: PAD.top + plotHeight - height, width: slot * 0.64, height, rx: 3, class: "bar" });
    bar.append(svg("title", {}, `${formatMonth(month)}: ${formatMoney(amount, currency)}`));
    chart.append(bar);
    // On narrow screens every other month is labelled, so labels never overlap.
    if (i % labelEvery === 0) chart.append(svg("text", { x: x + slot * 0.32, y: HEIGHT - 8, class: "axis", "text-anchor": "middle" }, formatMonth(month)));
  });
  return chart;
}
