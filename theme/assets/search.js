// The /search/ page: reads ?q= (and the kind, country and year filters) from the address, asks the Pagefind
// index the build wrote into /pagefind/, and lists the results. A large archive's index is made in bundles
// (/pagefind/ and /pagefind/2/, /pagefind/3/...), which /pagefind/bundles.json lists: they are merged into the first
// with Pagefind's mergeIndex, so that one search ranks the pages of all of them together and the filters count them all. Everything is drawn with DOM calls and
// textContent, never innerHTML, so the page needs no inline script or style and contributor text stays text.

const PAGE_SIZE = 20;
const FILTERS = [
  { name: "kind", label: "Kind", order: (a, b) => a.localeCompare(b) },
  { name: "country", label: "Country", order: (a, b) => a.localeCompare(b) },
  { name: "year", label: "Year", order: (a, b) => b.localeCompare(a) },
];

const form = document.querySelector(".search-form");
const input = document.getElementById("search-q");
const filtersBox = document.getElementById("search-filters");
const fallback = document.getElementById("search-fallback");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");

const params = new URLSearchParams(window.location.search);
const query = (params.get("q") || "").trim();
const chosen = Object.fromEntries(FILTERS.map((f) => [f.name, params.get(f.name) || ""]).filter(([, v]) => v));
input.value = query;

// Submits only what was filled in, so a shared address reads /search/?q=kang rather than ?q=kang&kind=&country=&year=.
form.addEventListener("submit", (event) => {
  event.preventDefault();
  const next = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (String(value).trim()) next.append(key, String(value).trim());
  const qs = next.toString();
  window.location.assign(form.action + (qs ? "?" + qs : ""));
});

main();

async function main() {
  let pagefind;
  let merged = false;
  try {
    const options = { excerptLength: 30 };
    const [loaded, bundles] = await Promise.all([
      import("/pagefind/pagefind.js"),
      fetch("/pagefind/bundles.json").then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText)))),
    ]);
    pagefind = loaded;
    await pagefind.options(options);
    for (const path of bundles.merge) await pagefind.mergeIndex(path, options);
    merged = bundles.merge.length > 0;
  } catch {
    status.textContent = "Search is not available: this copy of the site was built without its search index.";
    return;
  }
  fallback.hidden = true;
  await drawFilters(pagefind);
  if (!query && Object.keys(chosen).length === 0) return;

  status.textContent = "Searching…";
  const results = await find(pagefind, merged);
  let shown = 0;
  const showMore = async () => {
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    const items = page.map(resultItem);
    list.append(...items);
    shown += page.length;
    more.hidden = shown >= results.length;
    return items;
  };
  more.addEventListener("click", async () => {
    const items = await showMore();
    // Keyboard users would otherwise be left on a button that vanishes or sits below what was added.
    items[0]?.querySelector("a")?.focus();
  });
  await showMore();
  // Said once the first results are on the page, so that what is announced is there to read.
  status.textContent = describe(results.length);
}

/** The results of the query. Merged bundles are searched each on its own, and a bundle that has no page with one of
 * the words ignores that word, so it would list pages with only the others, which one index of the whole archive never
 * does (there a word is ignored only when no page has it). So each word is also looked up alone, and a result is
 * kept only if it has every word that some page has. */
async function find(pagefind, merged) {
  const search = await pagefind.search(query || null, { filters: chosen });
  const words = query.split(/\s+/).filter(Boolean);
  if (!merged || words.length < 2 || query.includes('"')) return search.results;
  const having = await Promise.all(words.map(async (word) => new Set((await pagefind.search(word, { filters: chosen })).results.map((r) => r.id))));
  const present = having.filter((pages) => pages.size > 0);
  return search.results.filter((r) => present.every((pages) => pages.has(r.id)));
}

/** A select for each filter, with the values the index holds and how many pages have each. */
async function drawFilters(pagefind) {
  const available = await pagefind.filters();
  for (const filter of FILTERS) {
    const values = Object.keys(available[filter.name] || {}).sort(filter.order);
    if (values.length === 0) continue;
    const id = "search-filter-" + filter.name;
    const label = el("label", filter.label);
    label.htmlFor = id;
    const select = el("select");
    select.id = id;
    select.name = filter.name;
    select.append(option("", "Any"));
    for (const value of values) select.append(option(value, `${value} (${available[filter.name][value]})`));
    select.value = chosen[filter.name] || "";
    const field = el("div");
    field.className = "search-filter";
    field.append(label, select);
    filtersBox.append(field);
  }
  filtersBox.hidden = filtersBox.childElementCount === 0;
}

function describe(count) {
  const what = [query ? `“${query}”` : "", ...Object.values(chosen)].filter(Boolean).join(", ");
  if (count === 0) return `No results for ${what}. Try another spelling, fewer words, or the indexes of people and institutions.`;
  return `${count} ${count === 1 ? "result" : "results"} for ${what}`;
}

function resultItem(data) {
  const item = el("li");
  item.className = "search-result";
  const heading = el("h2");
  const link = el("a", data.meta.title || data.url);
  link.href = data.url;
  heading.append(link);
  item.append(heading);
  const facts = [data.meta.kind, data.meta.date].filter(Boolean).join(" · ");
  if (facts) {
    const meta = el("p", facts);
    meta.className = "meta";
    item.append(meta);
  }
  if (data.excerpt) item.append(excerpt(data.excerpt));
  return item;
}

/** Pagefind's excerpt is the page's text with "<" and ">" escaped and each hit wrapped in <mark>; it is split on
 * the marks and drawn as text, so nothing in it is ever parsed as HTML. */
function excerpt(html) {
  const p = el("p");
  p.className = "excerpt";
  html.split(/<\/?mark>/).forEach((part, i) => {
    const text = part.replaceAll("&lt;", "<").replaceAll("&gt;", ">");
    p.append(i % 2 === 1 ? el("mark", text) : document.createTextNode(text));
  });
  return p;
}

function option(value, text) {
  const o = el("option", text);
  o.value = value;
  return o;
}

function el(name, text) {
  const e = document.createElement(name);
  if (text !== undefined) e.textContent = text;
  return e;
}
