// Search that is never empty when something is close.
//
// Prepended to Material's search worker after each build (handbook/search.py); the worker's
// own `search` is renamed `_mdSearch` and its new `search` calls `hbSearch` below. The query
// is rewritten against the index's own vocabulary (the keys of lunr's inverted index):
//
//   1. Latin tokens as people type them: full-width letters and case are folded (NFKC), a
//      token the index lacks is split into tokens it has (`resnet50` -> `resnet 50`,
//      `mobilenetv2` -> `mobilenet v2`), and two tokens whose join it has are joined too
//      (`yolo v3` -> also `yolov3`, `vgg 16` -> also `vgg16`).
//   2. A glossary concept or everyday question word in the query (`批标准化`, `cross entropy`,
//      `why`) adds the forms the question titles use most (`BN`, `交叉熵`, `为什么`): the table
//      `self.HB_SYNONYMS` is written at build time from data/glossary.yaml and
//      data/query_words.yaml, kept to what the site's titles use.
//   3. If a word still matches nothing, it is replaced by what is close to it: a Latin word by
//      lunr's prefix and edit-distance terms (`term*`, `term~1`), a Chinese run by the index
//      words that share its character bigrams (`感受域` -> `感受野`).
//
// Terms of a lunr query are alternatives, so a word that matches nothing adds nothing: the
// wider query keeps every word that matched and adds the close ones, and leads the results.
// Wrapped in a function: the worker's own code shares this script's global scope.
(function () {

const HB_SEARCH = {
  MIN_PREFIX: 3,            // shorter Latin words are not prefix-expanded (`a*` is everything)
  MIN_FUZZY: 4,             // shorter Latin words get no edit distance (`cnn~1` = `rnn`)
  LONG_FUZZY: 8,            // from this length two edits are allowed
  MIN_BIGRAM_SHARE: 0.5,    // Dice overlap of character bigrams for a Chinese neighbour
  MAX_NEIGHBOURS: 6,        // close Chinese words kept per unknown run
  MAX_SPLIT_PARTS: 3,       // `mobilenetv2` -> 2 parts; more parts is noise, not a spelling
  MIN_FUZZY_FORM: 3,        // a glossary form this long matches with one character typed wrong
  PREVIEW_CHARS: 120,       // a preview longer than this is cut (at a sentence end if any)
  MIN_SENTENCE: 12,         // a sentence end before this many characters is not the cut
  MIN_SPLIT_PART: 3,        // a part without digits (`v2`, `50` may be short): `softmx` != `soft mx`
};

const LATIN = /^[0-9a-z.+#]+$/;
const HAN_RUN = /\p{sc=Han}+/gu;
const HAN = /\p{sc=Han}/u;
const QUERY_SYNTAX = /^[+\-]|[*~^:]/;  // lunr operators: such a word is left as typed

// Full-width letters and case folded; Traditional characters as Simplified (self.HB_T2S,
// written at build time for the characters the index holds).
function normalizeQuery(query) {
  const simplified = (typeof self !== "undefined" && self.HB_T2S) || {};
  return [...query.normalize("NFKC").toLowerCase()].map((ch) => simplified[ch] || ch).join("");
}

// Split `token` into at most MAX_SPLIT_PARTS words of `has`, fewest parts first.
function splitIntoKnown(token, has) {
  const best = new Array(token.length + 1).fill(null);
  best[0] = [];
  for (let end = 1; end <= token.length; end++) {
    for (let start = 0; start < end; start++) {
      const head = best[start];
      const piece = token.slice(start, end);
      if (head === null || !has(piece) || head.length >= HB_SEARCH.MAX_SPLIT_PARTS) continue;
      if (piece.length < HB_SEARCH.MIN_SPLIT_PART && !/[0-9]/.test(piece)) continue;
      if (best[end] === null || head.length + 1 < best[end].length) best[end] = [...head, piece];
    }
  }
  const parts = best[token.length];
  return parts && parts.length > 1 ? parts : null;
}

// The Latin part of a query, token by token: split unknown tokens, add known joins.
function respellLatin(words, has) {
  const out = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!LATIN.test(word) || QUERY_SYNTAX.test(word)) {
      out.push(word);
      continue;
    }
    const next = words[i + 1];
    if (next !== undefined && LATIN.test(next) && has(word + next)) out.push(word + next);
    if (has(word)) out.push(word);
    else out.push(...(splitIntoKnown(word, has) || [word]));
  }
  return out;
}

function bigrams(text) {
  const grams = new Set();
  for (let i = 0; i + 2 <= text.length; i++) grams.add(text.slice(i, i + 2));
  return grams;
}

// Index words that share most character bigrams with a Chinese run the index cannot spell.
function chineseNeighbours(run, vocabulary) {
  const wanted = bigrams(run);
  if (!wanted.size) return [];
  const scored = [];
  for (const word of vocabulary) {
    if (word.length < 2 || !HAN.test(word)) continue;
    const grams = bigrams(word);
    let shared = 0;
    for (const gram of grams) if (wanted.has(gram)) shared++;
    const dice = (2 * shared) / (grams.size + wanted.size);
    if (shared && dice >= HB_SEARCH.MIN_BIGRAM_SHARE) scored.push([dice, word]);
  }
  scored.sort((a, b) => b[0] - a[0] || a[1].length - b[1].length);
  return scored.slice(0, HB_SEARCH.MAX_NEIGHBOURS).map(([, word]) => word);
}

// A Chinese run cut into the index's words, with as few characters left over as possible
// (then as few pieces): [{text, known}], consecutive left-over characters in one piece.
function cutIntoKnown(run, has) {
  const best = [{ unknown: 0, pieces: [] }];
  for (let end = 1; end <= run.length; end++) {
    const prev = best[end - 1];
    let choice = { unknown: prev.unknown + 1, pieces: [...prev.pieces, { text: run[end - 1], known: false }] };
    for (let start = 0; start < end; start++) {
      const piece = run.slice(start, end);
      if (!has(piece)) continue;
      const head = best[start];
      if (head.unknown < choice.unknown ||
          (head.unknown === choice.unknown && head.pieces.length + 1 < choice.pieces.length))
        choice = { unknown: head.unknown, pieces: [...head.pieces, { text: piece, known: true }] };
    }
    best[end] = choice;
  }
  const pieces = [];
  for (const piece of best[run.length].pieces) {
    const last = pieces[pieces.length - 1];
    if (last && !last.known && !piece.known) last.text += piece.text;
    else pieces.push({ ...piece });
  }
  return pieces;
}

// What replaces a Chinese run the index cannot spell, or spells only with a stray single
// character: its known words, and for each left-over span the index words closest to it,
// alone or with a neighbouring word (`感受域` -> `感受野`); a single character next to a word
// may be a typing slip, so the same-length words closest to the pair join too
// (`归一` + `话` -> `归一化`). Null when nothing new comes of it.
function widenChinese(run, has, vocabulary) {
  const pieces = cutIntoKnown(run, has);
  const words = new Set(pieces.filter((piece) => piece.known).map((piece) => piece.text));
  const added = new Set();
  const near = (window, sameLength) => {
    for (const word of chineseNeighbours(window, vocabulary))
      if (!words.has(word) && (!sameLength || word.length === window.length)) added.add(word);
  };
  pieces.forEach((piece, i) => {
    const before = pieces[i - 1] ? pieces[i - 1].text : "";
    const after = pieces[i + 1] ? pieces[i + 1].text : "";
    if (!piece.known) {
      for (const window of new Set([piece.text, before + piece.text, piece.text + after, before + piece.text + after]))
        near(window, false);
    } else if (piece.text.length === 1 && pieces.length > 1) {
      if (before) near(before + piece.text, true);
      if (after) near(piece.text + after, true);
    }
  });
  const unknown = pieces.some((piece) => !piece.known);
  return unknown || added.size ? [...words, ...added] : null;
}

// The wider query for words that match nothing; null if every word matches something.
function widenQuery(words, has, vocabulary) {
  let widened = false;
  const out = [];
  for (const word of words) {
    if (QUERY_SYNTAX.test(word) || has(word)) {
      out.push(word);
    } else if (LATIN.test(word)) {
      widened = true;
      if (word.length >= HB_SEARCH.MIN_PREFIX) out.push(word + "*");
      if (word.length >= HB_SEARCH.MIN_FUZZY)
        out.push(`${word}~${word.length >= HB_SEARCH.LONG_FUZZY ? 2 : 1}`);
      if (word.length < HB_SEARCH.MIN_PREFIX) out.push(word);
    } else {
      const near = HAN.test(word) ? widenChinese(word, has, vocabulary) : null;
      widened = widened || near !== null;
      out.push(...(near || [word]));
    }
  }
  return widened ? out.join(" ") : null;
}

// Words of a query: Latin tokens and Chinese runs apart, separators dropped.
function queryWords(query, separator) {
  return query
    .replace(HAN_RUN, (run) => ` ${run} `)
    .split(separator)
    .filter((word) => word.length);
}

function rewriteQuery(query, has, separator) {
  return respellLatin(queryWords(normalizeQuery(query), separator), has).join(" ");
}

// Characters of a query that may be typing slips: in a Chinese run, those the index's words
// cannot cover, or that stand alone between words (梯度 暴 炸 for 梯度爆炸).
function slips(query, has) {
  const marks = new Array(query.length).fill(false);
  for (const match of query.matchAll(HAN_RUN)) {
    const pieces = cutIntoKnown(match[0], has);
    let at = match.index;
    for (const piece of pieces) {
      if (!piece.known || (piece.text.length === 1 && pieces.length > 1)) marks.fill(true, at, at + piece.text.length);
      at += piece.text.length;
    }
  }
  return marks;
}

// Where a Chinese form of at least MIN_FUZZY_FORM characters is in the query with one
// character typed wrong, that character being a slip.
function* nearMatches(query, form, slipped) {
  for (let at = 0; at + form.length <= query.length; at++) {
    let wrong = -1;
    for (let k = 0; k < form.length; k++)
      if (query[at + k] !== form[k]) {
        if (wrong >= 0) { wrong = -2; break; }
        wrong = at + k;
      }
    if (wrong >= 0 && slipped[wrong]) yield at;
  }
}

// The words a query's synonyms add: longest forms first, each part of the query read once
// (`batch normalization` is one concept, not `batch` and `normalization`); a Chinese form
// with one slip of the keyboard (梯度暴炸) counts too, after the exact ones.
function synonymsOf(query, table, has = () => true) {
  const found = [];
  const slipped = slips(query, has);
  for (const [forms, words] of table)
    for (const form of forms) {
      const latin = !HAN.test(form);
      for (let at = query.indexOf(form); at >= 0; at = query.indexOf(form, at + 1)) {
        const end = at + form.length;
        if (latin && (/[0-9a-z]/.test(query[at - 1] || "") || /[0-9a-z]/.test(query[end] || ""))) continue;
        found.push({ at, end, words, exact: true });
      }
      if (!latin && form.length >= HB_SEARCH.MIN_FUZZY_FORM)
        for (const at of nearMatches(query, form, slipped)) found.push({ at, end: at + form.length, words: [form, ...words], exact: false });
    }
  found.sort((a, b) => (b.end - b.at) - (a.end - a.at) || b.exact - a.exact || a.at - b.at);
  const taken = new Array(query.length).fill(false);
  const added = new Set();
  for (const { at, end, words } of found) {
    if (taken.slice(at, end).some(Boolean)) continue;
    taken.fill(true, at, end);
    for (const word of words) if (!query.includes(word)) added.add(word);
  }
  return [...added];
}

// Results of two searches, the first one's groups first, each page section once.
function mergeResults(first, second) {
  const seen = new Set(first.items.map((group) => group[0].location));
  const items = [...first.items];
  for (const group of second.items) if (!seen.has(group[0].location)) items.push(group);
  return { ...first, items };
}

// The preview under a result: the question's `preview` written at build time (the first
// sentence of its answer, or 待补充), else the first sentence of the document's first block,
// as indexed (the worker's highlighted text keeps only the blocks that matched, often the
// source line or the keyword list); the matched words are marked again.
function preview(html, terms, ready) {
  const block = ready !== undefined ? ready : html.split(/<\/(?:p|li|pre|h[1-6]|td|dd|blockquote)>/)[0];
  const text = block.replace(/\u200b/g, "").replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  let cut = text.length > HB_SEARCH.PREVIEW_CHARS ? HB_SEARCH.PREVIEW_CHARS : -1;
  const end = text.slice(HB_SEARCH.MIN_SENTENCE).search(/[。！？!?；;]|\.(?:\s|$)/);
  if (end >= 0 && HB_SEARCH.MIN_SENTENCE + end + 1 < text.length)
    cut = Math.min(cut < 0 ? Infinity : cut, HB_SEARCH.MIN_SENTENCE + end + 1);
  const shown = cut < 0 ? text : text.slice(0, cut) + (cut === HB_SEARCH.PREVIEW_CHARS ? "…" : "");
  const words = terms.filter((term) => term.length).map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const marked = words.length ? shown.replace(new RegExp(words.join("|"), "gi"), (word) => `<mark>${word}</mark>`) : shown;
  return `<p>${marked}</p>`;
}

// Each result with its preview, and without the "missing" line: the words a query gained
// (synonyms, close spellings) are not words the reader typed.
function withPreviews(result, documents) {
  for (const group of result.items)
    for (const doc of group) {
      const indexed = documents.get(doc.location) || [...documents.values()].find((d) => d.location === doc.location);
      const matched = Object.keys(doc.terms || {}).filter((term) => doc.terms[term]);
      doc.text = preview(indexed ? indexed.text || "" : doc.text || "", matched, indexed && indexed.preview);
      doc.terms = Object.fromEntries(matched.map((term) => [term, true]));
    }
  return result;
}

// The last word of a Chinese query may be half typed (`空洞卷`): it stays a prefix.
function typing(query, typed) {
  return /\p{sc=Han}$/u.test(typed) && !query.endsWith("*") ? `${query}*` : query;
}

function hbSearch(worker, query) {
  const inverted = worker.index.invertedIndex;
  const has = (word) => Object.prototype.hasOwnProperty.call(inverted, word);
  const separator = lunr.tokenizer.separator;
  const typed = normalizeQuery(query);
  const rewritten = rewriteQuery(typed, has, separator);
  const synonyms = synonymsOf(typed, self.HB_SYNONYMS || [], has).join(" ");
  worker._hbWords = worker._hbWords || Object.keys(inverted);  // the index's words, read once
  const wider = widenQuery(queryWords(rewritten, separator), has, worker._hbWords);
  const result = worker._mdSearch(`${typing(rewritten, typed)} ${synonyms}`);
  if (!wider) return withPreviews(result, worker.map);
  try {  // the wider query holds every word that matched, so its ranking leads
    return withPreviews(mergeResults(worker._mdSearch(`${typing(wider, typed)} ${synonyms}`), result), worker.map);
  } catch (error) {  // a word lunr cannot parse: keep what the query as typed found
    return withPreviews(result, worker.map);
  }
}

if (typeof self !== "undefined") self.hbSearch = hbSearch;
if (typeof module !== "undefined")
  module.exports = { HB_SEARCH, splitIntoKnown, respellLatin, chineseNeighbours, widenQuery,
                     rewriteQuery, queryWords, mergeResults, cutIntoKnown, widenChinese,
                     synonymsOf, preview, typing };
})();
