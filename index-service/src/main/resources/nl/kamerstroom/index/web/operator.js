"use strict";
// The operator's view: polls /api/operator and shows the pipeline's health, documents per
// stage, throughput, topics with consumer lag, failed files and dead letters.

const REFRESH_MS = 5000;
const STAGE_NAMES = { ingest: "inlezen (ingest)", enrich: "verrijken (enrich)", index: "indexeren (index)" };
const $ = id => document.getElementById(id);

async function refresh() {
  let view;
  try {
    view = await getJson("/api/operator");
  } catch (e) {
    $("message").textContent = e.message;
    $("message").hidden = false;
    $("updated").textContent = "niet bijgewerkt";
    $("updated").className = "badge down";
    return;
  }
  $("message").hidden = true;
  $("updated").textContent = "bijgewerkt " + new Date(view.at).toLocaleTimeString("nl-NL");
  $("updated").className = "badge up";
  $("parts").replaceChildren(...view.health.map(part => el("li", { class: part.up ? "up" : "down" },
    el("strong", {}, part.name), (part.up ? "werkt" : "probleem") + ": " + part.status, part.detail ? el("div", { class: "muted" }, part.detail) : null)));
  $("stages").replaceChildren(
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "stap"), el("th", { scope: "col", class: "num" }, "in"),
      el("th", { scope: "col", class: "num" }, "uit"), el("th", { scope: "col", class: "num" }, "mislukt"))),
    el("tbody", {}, view.stages.map(s => el("tr", {}, el("th", { scope: "row" }, STAGE_NAMES[s.name] || s.name),
      el("td", { class: "num" }, formatNumber(s.in)), el("td", { class: "num" }, formatNumber(s.out)), el("td", { class: "num" }, formatNumber(s.failed))))));
  $("throughput").replaceChildren(...throughput(view.throughput, view.stages.map(s => s.name)));
  $("topics").replaceChildren(
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "topic"), el("th", { scope: "col", class: "num" }, "partities"),
      el("th", { scope: "col", class: "num" }, "offsets"), el("th", { scope: "col" }, "consumergroep: achterstand"))),
    el("tbody", {}, view.topics.map(t => el("tr", {}, el("th", { scope: "row" }, t.name), el("td", { class: "num" }, t.partitions),
      el("td", { class: "num" }, formatNumber(t.offsets)),
      el("td", {}, t.groups.length ? t.groups.map(g => el("div", {}, `${g.group}: ${formatNumber(g.lag)}`)) : el("span", { class: "muted" }, "geen"))))));
  if (view.topicsError) $("topics").append(el("caption", {}, "Niet te lezen: " + view.topicsError));
  $("failed").replaceChildren(failedFiles(view.failed, view.failedError));
  $("deadLetters").replaceChildren(...deadLetters(view.deadLetters, view.deadLettersError));
}

function throughput(rates, stages) {
  const points = rates.points || [];
  if (points.length === 0) return [el("p", { class: "muted" }, `Nog geen metingen; er wordt elke ${rates.intervalSeconds} s gemeten.`)];
  const times = points.map(p => new Date(p.at).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" }));
  const series = stages.map(name => ({ name: STAGE_NAMES[name] || name, values: points.map(p => p.perSecond[name] ?? null) }));
  const latest = points[points.length - 1].perSecond;
  return [
    lineChart(times, series, "Documenten per seconde per stap; nu: " + stages.map(s => `${s} ${rateFormat.format(latest[s] ?? 0)}`).join(", ")),
    el("p", { class: "legend" }, series.map((s, n) => el("span", { class: "key" + n }, "■ " + s.name + ": " + rateFormat.format(s.values[s.values.length - 1] ?? 0) + "/s"))),
  ];
}

function failedFiles(files, error) {
  if (error) return el("p", {}, "Niet te lezen: " + error);
  if (files.length === 0) return el("p", { class: "muted" }, "Geen mislukte bestanden.");
  return el("div", { class: "table-wrap" }, el("table", {},
    el("thead", {}, el("tr", {}, ["bestand", "stap", "reden", "fout", "wanneer"].map(h => el("th", { scope: "col" }, h)))),
    el("tbody", {}, files.map(f => el("tr", {}, el("td", {}, f.relativePath || f.fileName), el("td", {}, f.stage || ""),
      el("td", {}, f.reason || ""), el("td", {}, [f.errorClass, f.errorMessage].filter(Boolean).join(": ")),
      el("td", {}, f.failedAt ? new Date(f.failedAt).toLocaleString("nl-NL") : ""))))));
}

function deadLetters(letters, error) {
  if (error) return [el("p", {}, "Niet te lezen: " + error)];
  if (letters.length === 0) return [el("p", { class: "muted" }, "Geen dead letters.")];
  return letters.map(l => el("div", { class: "letter" },
    el("strong", {}, `${l.topic} · partitie ${l.partition} · offset ${l.offset}`), " ",
    el("span", { class: "muted" }, new Date(l.timestamp).toLocaleString("nl-NL") + ` · sleutel ${l.key ?? "(geen)"} · ${formatNumber(l.valueBytes)} bytes`),
    el("dl", {}, Object.entries(l.headers).map(([k, v]) => [el("dt", {}, k),
      el("dd", {}, k.endsWith("stacktrace") ? el("details", {}, el("summary", {}, v.split("\n")[0]), v) : v)]))));
}

$("refresh").addEventListener("click", refresh);
document.addEventListener("DOMContentLoaded", () => {
  refresh();
  setInterval(refresh, REFRESH_MS);
});
