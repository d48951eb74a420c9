"use strict";
// Shared by the search page and the operator view. Text from documents is untrusted: every
// string goes into the page as a text node (el() below); nothing is ever assigned to innerHTML.

const SVG = "http://www.w3.org/2000/svg";

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

/** An SVG element (the charts). */
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on")) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A failed API call, with a message for people. */
class ApiError extends Error {
  constructor(kind, message, status) {
    super(message);
    this.kind = kind;       // "bad-input", "not-found", "unavailable"
    this.status = status;
  }
}

/** GETs JSON from the API; throws ApiError with a Dutch message for every way that can fail. */
async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: "application/json" } });
  } catch (e) {
    throw new ApiError("unavailable", "De server is niet bereikbaar. Controleer of Kamerstroom draait en probeer het opnieuw.");
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    // not JSON: a proxy's error page or an empty answer
  }
  if (response.ok && body !== null) return body;
  const detail = body && body.error ? body.error : response.statusText;
  if (response.status === 400) throw new ApiError("bad-input", "Ongeldige invoer: " + detail, 400);
  if (response.status === 404) throw new ApiError("not-found", detail || "Niet gevonden.", 404);
  throw new ApiError("unavailable", "De server kon dit niet beantwoorden (" + response.status + "). Probeer het later opnieuw.",
    response.status);
}

const numberFormat = new Intl.NumberFormat("nl-NL");
const rateFormat = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

function formatNumber(value) {
  return value === null || value === undefined ? "—" : numberFormat.format(value);
}

function formatDate(iso) {
  if (!iso) return "";
  const [year, month, day] = iso.substring(0, 10).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString("nl-NL", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
}

function formatDateTime(iso) {
  return iso ? new Date(iso).toLocaleString("nl-NL") : "";
}

/**
 * A bar chart as inline SVG: one bar per {label, value}, with the value in each bar's title (a
 * tooltip) and the whole chart described for screen readers.
 */
function barChart(points, description) {
  const width = 640, height = 200, left = 40, bottom = 34, top = 10;
  const max = Math.max(1, ...points.map(p => p.value));
  const slot = (width - left) / Math.max(1, points.length);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": description });
  chart.append(svg("title", {}, description));
  for (const tick of countTicks(max)) {
    const y = top + (height - top - bottom) * (1 - tick / max);
    chart.append(svg("line", { x1: left, x2: width, y1: y, y2: y, class: "grid" }),
      svg("text", { x: left - 4, y: y + 4, class: "axis", "text-anchor": "end" }, formatNumber(tick)));
  }
  const labelEvery = Math.ceil(points.length / 12);
  points.forEach((p, i) => {
    const barHeight = (height - top - bottom) * (p.value / max);
    const x = left + i * slot;
    chart.append(svg("rect", { x: x + slot * 0.1, y: height - bottom - barHeight, width: slot * 0.8, height: barHeight, class: "bar" },
      svg("title", {}, `${p.label}: ${formatNumber(p.value)}`)));
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x: x + slot / 2, y: height - bottom + 14, class: "axis", "text-anchor": "middle" }, p.label));
    }
  });
  return chart;
}

/** Whole-number grid lines for counts: every one up to 4, else none, half and the top. */
function countTicks(max) {
  return max <= 4 ? [...Array(max + 1).keys()] : [0, Math.round(max / 2), max];
}

/** A line chart as inline SVG: one line per series over the same x values (times). */
function lineChart(times, series, description) {
  const width = 640, height = 200, left = 40, bottom = 24, top = 10;
  const max = Math.max(1, ...series.flatMap(s => s.values.filter(v => v !== null)));
  const x = i => left + (width - left) * (times.length <= 1 ? 0.5 : i / (times.length - 1));
  const y = v => top + (height - top - bottom) * (1 - v / max);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "chart", role: "img", "aria-label": description });
  chart.append(svg("title", {}, description));
  for (const tick of [0, max / 2, max]) {
    chart.append(svg("line", { x1: left, x2: width, y1: y(tick), y2: y(tick), class: "grid" }),
      svg("text", { x: left - 4, y: y(tick) + 4, class: "axis", "text-anchor": "end" }, rateFormat.format(tick)));
  }
  if (times.length) {
    chart.append(svg("text", { x: left, y: height - 6, class: "axis" }, times[0]),
      svg("text", { x: width, y: height - 6, class: "axis", "text-anchor": "end" }, times[times.length - 1]));
  }
  series.forEach((s, n) => {
    const points = s.values.map((v, i) => v === null ? null : `${x(i)},${y(v)}`).filter(Boolean).join(" ");
    chart.append(svg("polyline", { points, class: "line line" + n }, svg("title", {}, s.name)));
  });
  return chart;
}
