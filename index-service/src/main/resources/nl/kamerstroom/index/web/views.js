"use strict";
// The document view (metadata, the full text with every mention marked from its offsets, the
// entities beside it) and the entity view (documents that mention it, mentions over time).

const MENTION_KINDS = [
  { list: "ministries", type: "ministry", label: "Ministeries", id: m => m.id, name: m => m.name },
  { list: "countries", type: "country", label: "Landen", id: m => m.id, name: m => m.name },
  { list: "motions", type: "motion", label: "Moties", id: m => motionId(m), name: m => motionLabel(m) + (m.status ? " — " + statusLabel(m) : "") },
  { list: "kamerstukken", type: "dossier", label: "Kamerstukken", id: m => m.dossier, name: m => `Kamerstuk ${m.dossier}${m.number ? ", nr. " + m.number : ""}` },
  { list: "amounts", type: null, label: "Bedragen", id: m => m.currency + " " + m.value, name: m => m.currency + " " + formatNumber(Number(m.value)) },
  { list: "redactions", type: null, label: "Woo-weigeringsgronden", id: m => m.ground, name: m => m.ground + (m.meaning ? " — " + m.meaning : "") },
];

function motionLabel(m) {
  const who = (m.submitters || []).join(", ");
  return m.documentId ? `${m.documentId}${who ? " (" + who + ")" : ""}` : "motie " + who;
}

/** "aangenomen (voor: SP, PvdA; tegen: VVD)": a status with the parties a vote record names. */
function statusLabel(s) {
  const votes = [s.votesFor && s.votesFor.length ? "voor: " + s.votesFor.join(", ") : null,
    s.votesAgainst && s.votesAgainst.length ? "tegen: " + s.votesAgainst.join(", ") : null].filter(Boolean);
  return s.status + (votes.length ? ` (${votes.join("; ")})` : "");
}

function notFound(view, heading, text) {
  $(view).replaceChildren(el("h1", {}, heading), el("p", {}, text, " ", el("a", { href: "/" }, "Naar zoeken")));
}

async function documentView(id) {
  show("documentView");
  let doc;
  try {
    doc = await getJson("/api/documents/" + encodeURIComponent(id));
  } catch (e) {
    if (e.kind === "not-found") notFound("documentView", "Document niet gevonden", "Er is geen document met dit kenmerk (meer).");
    else { notFound("documentView", "Document niet geladen", ""); showMessage(e.message); }
    return;
  }
  document.title = (doc.title || doc.fileName) + " — Kamerstroom";
  const facts = [
    ["Bestand", doc.fileName], ["Map", doc.relativePath], ["Datum", formatDate(doc.date)], ["Soort", doc.documentType],
    ["Afzender", doc.sender], ["Kamer", doc.chamber], ["Kenmerk", doc.documentId], ["Kamerstuk", doc.kamerstuk], ["Auteur", doc.author], ["Taal", doc.language],
    ["Pagina's", doc.pageCount], ["Grootte", doc.sizeBytes ? formatNumber(doc.sizeBytes) + " bytes" : null],
    ["Tekst", formatNumber(doc.textLength) + " tekens" + (doc.textTruncated ? " (afgekapt)" : "") + (doc.ocrUsed ? ", deels via OCR" : "")],
    ["Ingelezen", formatDateTime(doc.ingestedAt)], ["Geïndexeerd", formatDateTime(doc.indexedAt)],
  ].filter(([, value]) => value !== null && value !== undefined && value !== "");
  $("documentView").replaceChildren(
    el("p", { class: "back" }, el("a", { href: "/" }, "← Zoeken")),
    el("h1", {}, doc.title || doc.fileName),
    el("dl", { class: "facts" }, facts.map(([term, value]) => [el("dt", {}, term), el("dd", {}, String(value))])),
    el("div", { class: "document-layout" },
      el("section", { "aria-labelledby": "textHeading" }, el("h2", { id: "textHeading" }, "Tekst"), markedText(doc)),
      el("aside", { "aria-labelledby": "entitiesHeading" }, el("h2", { id: "entitiesHeading" }, "Genoemd in dit document"), entityLists(doc))));
}

/** The text with each mention marked in place; a mention that overlaps an earlier one is left unmarked. */
function markedText(doc) {
  const text = doc.text || "";
  const mentions = [];
  for (const kind of MENTION_KINDS) {
    for (const m of doc[kind.list] || []) {
      if (Number.isInteger(m.start) && Number.isInteger(m.end) && m.start < m.end && m.end <= text.length) {
        mentions.push({ kind, mention: m });
      }
    }
  }
  mentions.sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
  const node = el("div", { class: "text" });
  let at = 0;
  for (const { kind, mention } of mentions) {
    if (mention.start < at) continue;
    node.append(text.substring(at, mention.start));
    const shown = text.substring(mention.start, mention.end);
    const label = `${kind.label}: ${kind.name(mention)}`;
    node.append(kind.type && kind.id(mention)
      ? el("a", { class: "mention " + kind.type, href: `/entity/${kind.type}/${encodeURIComponent(kind.id(mention))}`, title: label }, shown)
      : el("mark", { class: "mention " + kind.list, title: label }, shown));
    at = mention.end;
  }
  node.append(text.substring(at));
  return node;
}

function entityLists(doc) {
  const sections = [];
  for (const kind of MENTION_KINDS) {
    const counts = new Map();
    for (const m of doc[kind.list] || []) {
      const id = kind.id(m);
      if (!id) continue;
      const entry = counts.get(id) || { mention: m, count: 0 };
      entry.count++;
      counts.set(id, entry);
    }
    if (counts.size === 0) continue;
    sections.push(el("h3", {}, kind.label), el("ul", { class: "entities" }, [...counts].map(([id, { mention, count }]) =>
      el("li", {}, kind.type ? el("a", { href: `/entity/${kind.type}/${encodeURIComponent(id)}` }, kind.name(mention)) : kind.name(mention),
        el("span", { class: "count", "aria-label": `${count} keer genoemd` }, " ×" + count)))));
  }
  return sections.length ? sections : [el("p", { class: "muted" }, "Geen ministeries, landen, moties of bedragen gevonden.")];
}

// ---- entity ----

async function entityView(type, id, params) {
  show("entityView");
  if (!ENTITY_TYPES[type]) {
    notFound("entityView", "Onbekende soort", `„${type}” is geen ministerie, land, motie of dossier.`);
    return;
  }
  const page = pageNumber(params);
  let entity;
  try {
    entity = await getJson(`/api/entity/${type}/${encodeURIComponent(id)}?limit=${ENTITY_PAGE_SIZE}&offset=${(page - 1) * ENTITY_PAGE_SIZE}`);
  } catch (e) {
    if (e.kind === "not-found") notFound("entityView", `${ENTITY_TYPES[type]} ${id}`, "Geen enkel document noemt dit.");
    else { notFound("entityView", `${ENTITY_TYPES[type]} ${id}`, ""); showMessage(e.message); }
    return;
  }
  const m = entity.mention || {};
  const title = type === "motion" ? "Motie " + motionLabel(m).replace(/^motie /, "")
    : type === "dossier" ? "Dossier " + id : (m.name || id);
  document.title = title + " — Kamerstroom";
  const perYear = params.get("per") === "jaar";
  const base = location.pathname;
  $("entityView").replaceChildren(
    el("p", { class: "back" }, el("a", { href: "/" }, "← Zoeken")),
    el("p", { class: "kind" }, ENTITY_TYPES[type]),
    el("h1", {}, title),
    entityFacts(type, id, m),
    type === "motion" && /^kst-/.test(id) ? el("section", { id: "motionStatus", "aria-labelledby": "motionStatusHeading" },
      el("h2", { id: "motionStatusHeading" }, "Wat er van de motie werd"), el("p", { class: "muted" }, "Laden…")) : null,
    el("p", {}, `${formatNumber(entity.documents)} ${entity.documents === 1 ? "document noemt" : "documenten noemen"} dit, `
      + `${formatNumber(entity.mentions)} keer in totaal`
      + (entity.counted < entity.documents ? ` (geteld in ${formatNumber(entity.counted)} documenten)` : "") + ". ",
      type !== "motion" ? el("a", { href: withParams({ [type]: id, q: null }) }, "Zoek binnen deze documenten") : null),
    el("section", { "aria-labelledby": "chartHeading" },
      el("h2", { id: "chartHeading" }, "Vermeldingen door de tijd"),
      el("p", { class: "toggle" }, "Per ",
        el("a", { href: base, "aria-current": perYear ? null : "true" }, "maand"), " | ",
        el("a", { href: base + "?per=jaar", "aria-current": perYear ? "true" : null }, "jaar")),
      timeline(entity.months, perYear)),
    el("section", { "aria-labelledby": "docsHeading" },
      el("h2", { id: "docsHeading" }, "Documenten"),
      el("ol", { class: "hits" }, entity.hits.map(d => el("li", { class: "hit" },
        el("h3", {}, el("a", { href: "/document/" + encodeURIComponent(d.id) }, d.title || d.fileName)),
        el("p", { class: "meta" }, [d.fileName, formatDate(d.date), d.documentType, d.mentions + "× genoemd"].filter(Boolean).join(" · "))))),
      el("nav", { class: "pager", "aria-label": "Pagina's" }, pager(page, Math.min(entity.documents, entity.counted), ENTITY_PAGE_SIZE,
        p => withPage(params, p)))));
  if ($("motionStatus")) await motionStatus(id);
}

/**
 * The motion's last known status and its history (every document that mentions it, oldest first,
 * with the status each states), from /api/motions, into the section the entity view left for it.
 */
async function motionStatus(id) {
  const section = $("motionStatus");
  let motion;
  try {
    motion = await getJson("/api/motions/" + encodeURIComponent(id));
  } catch (e) {
    section.replaceChildren(section.firstChild, el("p", { class: "muted" }, "Geen status bekend."));
    return;
  }
  const last = motion.lastStatus;
  const documentLink = (docId, title) => el("a", { href: "/document/" + encodeURIComponent(docId) }, title || docId);
  section.replaceChildren(section.firstChild,
    last
      ? el("p", { class: "motion-status" }, "Laatst bekende status: ", el("strong", {}, statusLabel(last)),
        ", volgens ", documentLink(last.document, last.title), last.date ? " van " + formatDate(last.date) : "", ".")
      : el("p", { class: "motion-status muted" }, "Geen van de documenten zegt wat er van de motie werd."),
    el("div", { class: "table-wrap" }, el("table", { class: "motion-history" },
      el("caption", {}, "Geschiedenis: elk document dat de motie noemt, oudste eerst"),
      el("thead", {}, el("tr", {}, ["Datum", "Document", "Soort", "Status", "Voor", "Tegen"].map(h => el("th", { scope: "col" }, h)))),
      el("tbody", {}, motion.history.map(d => el("tr", {},
        el("td", {}, formatDate(d.date) || "zonder datum"),
        el("td", {}, documentLink(d.id, d.title || d.fileName), d.documentId ? " (" + d.documentId + ")" : ""),
        el("td", {}, d.documentType || ""),
        el("td", {}, d.status || "genoemd"),
        el("td", {}, d.votesFor.join(", ")),
        el("td", {}, d.votesAgainst.join(", "))))))));
}

function entityFacts(type, id, m) {
  const facts = type === "motion"
    ? [["Kamerstuk", m.documentId], ["Indieners", (m.submitters || []).join(", ")], ["Vergaderjaar", m.sessionYear], ["Kamer", m.chamber],
       ["Vervangt", m.replaces]]
    : type === "ministry" ? [["Afkorting", id], ["TOOI", m.tooi]]
    : type === "country" ? [["ISO-code", id]] : [];
  const shown = facts.filter(([, v]) => v);
  const dossier = type === "motion" && m.dossier
    ? [el("dt", {}, "Dossier"), el("dd", {}, el("a", { href: "/entity/dossier/" + encodeURIComponent(m.dossier) }, m.dossier + (m.number ? ", nr. " + m.number : "")))]
    : [];
  return shown.length || dossier.length ? el("dl", { class: "facts" }, shown.map(([t, v]) => [el("dt", {}, t), el("dd", {}, String(v))]), dossier) : null;
}

/** Bars per month or per year from the first to the last dated mention, gaps filled with zero. */
function timeline(months, perYear) {
  const dated = months.filter(row => row.month);
  const undated = months.find(row => !row.month);
  if (dated.length === 0) return el("p", { class: "muted" }, "Geen van deze documenten heeft een datum.");
  const counts = new Map();
  for (const row of dated) {
    const key = perYear ? row.month.substring(0, 4) : row.month;
    counts.set(key, (counts.get(key) || 0) + row.mentions);
  }
  const keys = [...counts.keys()].sort();
  const points = [];
  let [year, month] = keys[0].split("-").map(Number);
  const last = keys[keys.length - 1];
  for (let guard = 0; guard < 1200; guard++) {
    const key = perYear ? String(year) : `${year}-${String(month).padStart(2, "0")}`;
    points.push({ label: key, value: counts.get(key) || 0 });
    if (key === last) break;
    if (perYear) year++; else { month++; if (month > 12) { month = 1; year++; } }
  }
  const unit = perYear ? "jaar" : "maand";
  return el("div", { class: "timeline" },
    barChart(points, `Vermeldingen per ${unit}, van ${points[0].label} tot ${points[points.length - 1].label}`),
    undated ? el("p", { class: "muted" }, `${formatNumber(undated.mentions)} ${undated.mentions === 1 ? "vermelding" : "vermeldingen"} in documenten zonder datum.`) : null,
    el("details", {}, el("summary", {}, "Als tabel"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", { scope: "col" }, unit), el("th", { scope: "col" }, "vermeldingen"))),
        el("tbody", {}, points.filter(p => p.value > 0).map(p => el("tr", {}, el("td", {}, p.label), el("td", {}, formatNumber(p.value))))))));
}
