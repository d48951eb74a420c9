"use strict";
// The search page: search, document and entity views. The address holds the whole state
// (/?q=…&ministry=BZ&page=2, /document/{id}, /entity/{type}/{id}), so every view can be
// bookmarked and shared; links are real links, history.pushState moves between views and the
// back button (popstate) returns to the previous one.

const PAGE_SIZE = 10;
const ENTITY_PAGE_SIZE = 20;
const FILTERS = ["file", "dossier", "from", "to", "minAmount", "currency"];
const FACETS = { ministry: "Ministerie", country: "Land", type: "Documenttype", year: "Jaar", chamber: "Kamer",
  motionStatus: "Motiestatus" };
const ENTITY_TYPES = { ministry: "Ministerie", country: "Land", motion: "Motie", dossier: "Dossier" };
const VIEWS = ["searchView", "documentView", "entityView"];
const $ = id => document.getElementById(id);

// ---- navigation ----

function isPageAddress(url) {
  return url.origin === location.origin
    && (url.pathname === "/" || url.pathname.startsWith("/document/") || url.pathname.startsWith("/entity/"));
}

function navigate(address) {
  history.pushState(null, "", address);
  route(true);
}

document.addEventListener("click", event => {
  const link = event.target.closest("a[href]");
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  const url = new URL(link.href);
  if (!isPageAddress(url)) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener("popstate", () => route(true));

async function route(moveFocus) {
  showMessage("");
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  if (path.startsWith("/document/")) {
    await documentView(decodeURIComponent(path.substring("/document/".length)));
  } else if (path.startsWith("/entity/")) {
    const [type, ...id] = path.substring("/entity/".length).split("/");
    await entityView(type, decodeURIComponent(id.join("/")), params);
  } else {
    await searchView(params);
  }
  if (moveFocus) {
    const heading = document.querySelector("main > :not([hidden]) h1");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    window.scrollTo(0, 0);
  }
}

function show(view) {
  VIEWS.forEach(id => { $(id).hidden = id !== view; });
}

function showMessage(text) {
  $("message").textContent = text || "";
  $("message").hidden = !text;
}

function address(path, params) {
  const query = params.toString();
  return query ? path + "?" + query : path;
}

/** The current search with some parameters changed (null removes one); back to page 1. */
function withParams(changes) {
  const params = new URLSearchParams(location.pathname === "/" ? location.search : "");
  params.delete("page");
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(key); else params.set(key, value);
  }
  return address("/", params);
}

// ---- search ----

$("search").addEventListener("submit", event => {
  event.preventDefault();
  navigate(withParams({ q: $("q").value.trim() }));
});

$("filters").addEventListener("submit", event => {
  event.preventDefault();
  const changes = {};
  FILTERS.forEach(name => { changes[name] = $(name).value.trim(); });
  navigate(withParams(changes));
});

function apiSearchParams(params) {
  const api = new URLSearchParams();
  for (const name of ["q", ...FILTERS, "ministry", "country", "type", "chamber", "motionStatus", "documentId"]) {
    if (params.get(name)) api.set(name, params.get(name));
  }
  if (params.get("year")) { api.set("from", params.get("year")); api.set("to", params.get("year")); }
  const page = pageNumber(params);
  api.set("limit", PAGE_SIZE);
  api.set("offset", (page - 1) * PAGE_SIZE);
  return api;
}

function pageNumber(params) {
  const page = parseInt(params.get("page") || "1", 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

async function searchView(params) {
  show("searchView");
  const q = params.get("q") || "";
  $("q").value = q;
  FILTERS.forEach(name => { $(name).value = params.get(name) || ""; });
  document.title = (q ? q + " — " : "") + "Kamerstroom — zoeken";
  let result;
  try {
    result = await getJson("/api/search?" + apiSearchParams(params));
  } catch (e) {
    $("summary").textContent = e.kind === "bad-input" ? "Zoekopdracht niet uitgevoerd" : "Zoeken lukt nu niet";
    $("hits").replaceChildren();
    $("pager").replaceChildren();
    showMessage(e.message);
    return;
  }
  const page = pageNumber(params);
  if (result.total === 0) {
    $("summary").textContent = "Geen documenten gevonden";
    $("hits").replaceChildren(el("li", { class: "empty" },
      q ? `Niets gevonden voor „${q}”. ` : "Er zijn (nog) geen documenten die aan de filters voldoen. ",
      "Probeer minder of andere woorden, haal een filter weg, of ", el("a", { href: "/" }, "begin opnieuw"), "."));
  } else {
    const first = (page - 1) * PAGE_SIZE + 1;
    $("summary").textContent = `${formatNumber(result.total)} ${result.total === 1 ? "document" : "documenten"}`
      + (q ? ` voor „${q}”` : "") + (result.hits.length ? ` — ${first} t/m ${first + result.hits.length - 1}` : "");
    $("hits").replaceChildren(...result.hits.map(hitItem));
  }
  $("facets").replaceChildren(...Object.entries(FACETS).map(([field, label]) => facetList(field, label, result.facets[field] || [], params)));
  $("pager").replaceChildren(...pager(page, result.total, PAGE_SIZE, p => withPage(params, p)));
}

function withPage(params, page) {
  const next = new URLSearchParams(params);
  if (page > 1) next.set("page", page); else next.delete("page");
  return address(location.pathname, next);
}

function hitItem(hit) {
  const title = hit.title || hit.fileName;
  return el("li", { class: "hit" },
    el("h2", {}, el("a", { href: "/document/" + encodeURIComponent(hit.id) }, title)),
    el("p", { class: "meta" }, [hit.fileName, formatDate(hit.date), hit.documentType, hit.kamerstuk].filter(Boolean).join(" · ")),
    snippet(hit.snippet),
    entityChips(hit));
}

/** The server's snippet is escaped text with <mark> around matches: rebuilt as nodes, never parsed as HTML. */
function snippet(marked) {
  const node = el("p", { class: "snippet" });
  let inMark = false;
  for (const part of (marked || "").split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") inMark = true;
    else if (part === "</mark>") inMark = false;
    else if (part) node.append(inMark ? el("mark", {}, unescapeHtml(part)) : unescapeHtml(part));
  }
  return node;
}

function unescapeHtml(text) {
  const named = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (all, code) => {
    if (code[0] !== "#") return named[code.toLowerCase()];
    return String.fromCodePoint(code[1] === "x" || code[1] === "X" ? parseInt(code.substring(2), 16) : parseInt(code.substring(1), 10));
  });
}

function motionId(motion) {
  return motion.documentId || (motion.submitters || []).join(", ");
}

function entityLink(type, id, label, extraClass) {
  return el("a", { class: "chip " + type + (extraClass ? " " + extraClass : ""), href: `/entity/${type}/${encodeURIComponent(id)}` }, label);
}

/** A few entities of each kind as links to their pages; the document page lists them all. */
const CHIPS_PER_KIND = 6;

function entityChips(doc) {
  const chips = [];
  const kind = (type, mentions, id, label) => {
    const distinct = new Map();
    mentions.forEach(m => { if (id(m) && !distinct.has(id(m))) distinct.set(id(m), m); });
    [...distinct].slice(0, CHIPS_PER_KIND).forEach(([key, m]) => chips.push(entityLink(type, key, label(m))));
    if (distinct.size > CHIPS_PER_KIND) chips.push(el("span", { class: "chip more" }, `+${distinct.size - CHIPS_PER_KIND}`));
  };
  kind("ministry", doc.ministries || [], m => m.id, m => m.id);
  kind("country", doc.countries || [], c => c.id, c => c.name);
  kind("motion", doc.motions || [], motionId, m => "motie " + (m.documentId || (m.submitters || []).join(", ")));
  const amounts = (doc.amounts || []).slice(0, 3).map(a => el("span", { class: "chip amount" }, a.currency + " " + formatNumber(Number(a.value))));
  return chips.length || amounts.length ? el("p", { class: "chips" }, chips, amounts) : null;
}

function facetList(field, label, values, params) {
  const active = params.get(field);
  const id = "facet-" + field;
  return el("section", { class: "facet", "aria-labelledby": id },
    el("h2", { id }, label),
    values.length === 0 ? el("p", { class: "muted" }, "geen") : el("ul", {}, values.map(v => {
      const on = active === v.value;
      return el("li", {}, el("a", { href: withParams({ [field]: on ? null : v.value }), "aria-current": on ? "true" : null, class: on ? "on" : null },
        el("span", {}, v.value), " ", el("span", { class: "count", "aria-label": `${v.count} documenten` }, formatNumber(v.count))));
    })));
}

function pager(page, total, size, addressOf) {
  const pages = Math.ceil(total / size);
  if (pages <= 1) return [];
  return [
    page > 1 ? el("a", { href: addressOf(page - 1), rel: "prev" }, "← Vorige") : el("span", { class: "muted" }, "← Vorige"),
    el("span", {}, ` pagina ${page} van ${formatNumber(pages)} `),
    page < pages ? el("a", { href: addressOf(page + 1), rel: "next" }, "Volgende →") : el("span", { class: "muted" }, "Volgende →"),
  ];
}

// ---- health ----

async function health() {
  const badge = $("health");
  try {
    const response = await fetch("/api/health");
    const body = await response.json();
    badge.textContent = response.ok ? "gereed" : "bezig: " + body.status;
    badge.className = response.ok ? "up" : "down";
  } catch (e) {
    badge.textContent = "onbereikbaar";
    badge.className = "down";
  }
}

document.addEventListener("DOMContentLoaded", () => {
  route(false);
  health();
  setInterval(health, 15000);
});
