// The page of kg serve: plain JavaScript, no library, nothing loaded from elsewhere.
"use strict";

const PREFIXES = {
  "https://w3id.org/summit-kg/ontology#": "skg:",
  "https://w3id.org/summit-kg/id/": "skgr:",
  "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
  "http://www.w3.org/2004/02/skos/core#": "skos:",
  "https://schema.org/": "schema:",
  "http://www.w3.org/ns/org#": "org:",
  "http://www.w3.org/ns/prov#": "prov:",
  "http://www.w3.org/2001/XMLSchema#": "xsd:",
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
};

const $ = (id) => document.getElementById(id);
const RESOURCES = "https://w3id.org/summit-kg/id/";
let questions = {};

function short(iri) {
  for (const [ns, p] of Object.entries(PREFIXES)) {
    if (iri.startsWith(ns)) return p + iri.slice(ns.length);
  }
  return iri;
}

function status(text) { $("status").textContent = text; }

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

function clearOut() {
  showError("");
  $("table").replaceChildren();
  $("graph").hidden = true;
  $("frame").hidden = true;
  $("download").hidden = true;
}

async function loadQuestions() {
  const response = await fetch("/queries");
  const list = await response.json();
  for (const q of list) {
    questions[q.name] = q;
    const option = document.createElement("option");
    option.value = q.name;
    option.textContent = `${q.title || q.name} (${q.name})`;
    $("question").append(option);
  }
}

function pickQuestion() {
  const q = questions[$("question").value];
  const box = $("params");
  box.replaceChildren();
  $("question-help").textContent = q ? q.description : "";
  $("query").disabled = Boolean(q);
  if (q && q.text) $("query").value = q.text;  // read it here; edit it after choosing "(type your own…)"
  if (!q) return;
  for (const p of q.params) {
    const label = document.createElement("label");
    label.textContent = `${p.name}${p.required ? " (required)" : ""}: ${p.help}`;
    const input = document.createElement("input");
    input.name = p.name;
    input.placeholder = p.type === "entity" ? "a label, skgr:name or IRI" : p.type;
    label.append(input);
    box.append(label);
  }
}

function questionUrl(base) {
  const q = questions[$("question").value];
  const args = new URLSearchParams();
  for (const input of $("params").querySelectorAll("input")) {
    if (input.value.trim()) args.set(input.name, input.value.trim());
  }
  return [q, args, `${base}?${args}`];
}

function renderTable(data) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  const vars = data.head.vars || [];
  if (data.boolean !== undefined) {
    head.insertCell().textContent = "answer";
    table.createTBody().insertRow().insertCell().textContent = String(data.boolean);
  } else {
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of data.results.bindings) {
      const tr = body.insertRow();
      for (const v of vars) {
        const td = tr.insertCell();
        const term = row[v];
        if (!term) continue;
        if (term.type === "uri" && term.value.startsWith(RESOURCES)) {
          const a = document.createElement("a");  // the resource's own page on this server
          a.href = `/id/${encodeURIComponent(term.value.slice(RESOURCES.length))}`;
          a.textContent = short(term.value);
          td.append(a);
        } else {
          td.textContent = term.type === "uri" ? short(term.value) : term.value;
        }
        if (term.type === "uri") { td.className = "iri"; td.title = term.value; }
      }
    }
  }
  $("table").replaceChildren(table);
  const count = data.results ? data.results.bindings.length : 1;
  return count;
}

// The page's state lives in its URL, so a link reproduces the answer:
// ?q=NAME&p.PARAM=VALUE&view=table|picture, or ?query=TEXT&view=...
function remember(view) {
  const state = new URLSearchParams();
  const picked = $("question").value;
  if (picked) {
    state.set("q", picked);
    for (const input of $("params").querySelectorAll("input")) {
      if (input.value.trim()) state.set(`p.${input.name}`, input.value.trim());
    }
  } else {
    state.set("query", $("query").value);
  }
  state.set("view", view);
  history.replaceState(null, "", `${location.pathname}?${state}`);
}

function restore() {
  const state = new URLSearchParams(location.search);
  const name = state.get("q");
  if (name && questions[name]) {
    $("question").value = name;
    pickQuestion();
    for (const input of $("params").querySelectorAll("input")) {
      input.value = state.get(`p.${input.name}`) || "";
    }
  } else if (state.has("query")) {
    $("query").value = state.get("query");
  } else {
    return;
  }
  if (state.get("view") === "picture") picture();
  else run().catch((e) => showError(String(e)));
}

async function run() {
  clearOut();
  remember("table");
  let url, init;
  const picked = $("question").value;
  if (picked) {
    const [, , u] = questionUrl(`/queries/${encodeURIComponent(picked)}`);
    url = u;
    init = {};
  } else {
    url = "/sparql";
    init = {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query" },
      body: $("query").value,
    };
  }
  init.headers = Object.assign(init.headers || {}, {
    Accept: "application/sparql-results+json, text/turtle;q=0.9",
  });
  status("running…");
  const started = performance.now();
  const response = await fetch(url, init);
  const ms = Math.round(performance.now() - started);
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok) {
    let message = await response.text();
    try { message = JSON.parse(message).message; } catch (e) { /* plain text */ }
    showError(`${response.status}: ${message}`);
    status("");
    return;
  }
  if (type.includes("sparql-results+json")) {
    const n = renderTable(await response.json());
    status(`${n} row${n === 1 ? "" : "s"} in ${ms} ms`);
    const csv = picked ? `${url}&format=csv` : `/sparql?format=csv&query=${encodeURIComponent($("query").value)}`;
    $("download").href = csv;
    $("download").hidden = false;
  } else {
    $("graph").textContent = await response.text();
    $("graph").hidden = false;
    status(`graph in ${ms} ms; press Picture to draw it`);
  }
}

function picture() {
  clearOut();
  remember("picture");
  const picked = $("question").value;
  const q = questions[picked];
  let url = "/graph.html?view=actors";
  if (q && q.kind === "CONSTRUCT") {
    const [, args] = questionUrl("");
    args.set("question", picked);
    url = `/graph.html?${args}`;
  } else if (q) {
    const focus = [...$("params").querySelectorAll("input")].map((i) => i.value.trim()).find(Boolean);
    if (focus) url += `&focus=${encodeURIComponent(focus)}`;
  }
  $("frame").src = url;
  $("frame").hidden = false;
  status("drawing…");
  $("frame").onload = () => status("");
}

$("question").addEventListener("change", pickQuestion);
$("run").addEventListener("click", () => run().catch((e) => showError(String(e))));
$("picture").addEventListener("click", picture);
loadQuestions()
  .then(restore)
  .catch((e) => showError(`cannot list the named questions: ${e}`));
