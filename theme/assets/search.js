// Site search, the browser half: reads the index the build wrote (src/KropotkinSite/Search) and shows the pages
// that match in #search-results. No inline code, no eval, no WebAssembly, nothing from another host: it runs
// under the site's strict Content-Security-Policy. Words are folded, split and stemmed exactly as the build
// does (SearchWords.cs, PorterStemmer.cs): the fold table and the stop words are the same, rule for rule.
(() => {
  'use strict';

  // Each entry: a lower-case letter, then what it folds to (SearchWords.FoldTable).
  const FOLD_TABLE =
  'ßss àa áa âa ãa äa åa æae çc èe ée êe ëe ìi íi îi ïi ðd ñn òo óo ôo õo öo øo ùu úu ûu üu ýy þth ÿy ' +
  'āa ăa ąa ćc ĉc ċc čc ďd đd ēe ĕe ėe ęe ěe ĝg ğg ġg ģg ĥh ħh ĩi īi ĭi įi ıi ĳij ĵj ķk ĸk ĺl ļl ľl ŀl ' +
  'łl ńn ņn ňn ŋn ōo ŏo őo œoe ŕr ŗr řr śs ŝs şs šs ţt ťt ŧt ũu ūu ŭu ůu űu ųu ŵw ŷy źz żz žz ſs ơo ưu ' +
  'ǆdz ǉlj ǌnj ǎa ǐi ǒo ǔu ǖu ǘu ǚu ǜu ǟa ǡa ǧg ǩk ǫo ǭo ǰj ǳdz ǵg ǹn ǻa ȁa ȃa ȅe ȇe ȉi ȋi ȍo ȏo ȑr ȓr ' +
  'ȕu ȗu șs țt ȟh ȧa ȩe ȫo ȭo ȯo ȱo ȳy ḁa ḃb ḅb ḇb ḉc ḋd ḍd ḏd ḑd ḓd ḕe ḗe ḙe ḛe ḝe ḟf ḡg ḣh ḥh ḧh ḩh ' +
  'ḫh ḭi ḯi ḱk ḳk ḵk ḷl ḹl ḻl ḽl ḿm ṁm ṃm ṅn ṇn ṉn ṋn ṍo ṏo ṑo ṓo ṕp ṗp ṙr ṛr ṝr ṟr ṡs ṣs ṥs ṧs ṩs ṫt ' +
  'ṭt ṯt ṱt ṳu ṵu ṷu ṹu ṻu ṽv ṿv ẁw ẃw ẅw ẇw ẉw ẋx ẍx ẏy ẑz ẓz ẕz ẖh ẗt ẘw ẙy ẛs ạa ảa ấa ầa ẩa ẫa ậa ' +
  'ắa ằa ẳa ẵa ặa ẹe ẻe ẽe ếe ềe ểe ễe ệe ỉi ịi ọo ỏo ốo ồo ổo ỗo ộo ớo ờo ởo ỡo ợo ụu ủu ứu ừu ửu ữu ' +
  'ựu ỳy ỵy ỷy ỹy ﬀff ﬁfi ﬂfl ﬃffi ﬄffl ﬅst ﬆst';
  const FOLDS = new Map(FOLD_TABLE.split(' ').map(entry => [entry[0], entry.slice(1)]));
  const STOP_WORDS = new Set(('a an and are as at be been but by for from had has have he her him his i in into is ' +
    'it its of on or she that the their them they this those to was were which who will with').split(' '));
  const MAX_WORD_LENGTH = 40;
  const MARK = /\p{M}/u;
  const WORD = /[\p{L}\p{Nd}]+(?:['\u2019][\p{L}\p{Nd}]+)*/gu;
  const RAW_WORD = /[\p{L}\p{M}\p{Nd}]+(?:['\u2019][\p{L}\p{M}\p{Nd}]+)*/gu;
  const SHOWN = 10;            // results listed
  const EXCERPT_WORDS = 28;    // words in an excerpt
  const PREFIX_CHUNKS = 3;     // chunks read at most for the word being typed
  const PREFIX_TERMS = 40;     // terms taken at most for the word being typed

  // ---- Words: the same steps as SearchWords.Split ----

  function normalise(text) {
    let out = '';
    for (const c of text.toLowerCase()) {
      const folded = FOLDS.get(c);
      if (folded !== undefined) out += folded;
      else if (!MARK.test(c)) out += c;
    }
    return out;
  }

  function words(text) {
    const found = [];
    for (const match of normalise(text).matchAll(WORD)) {
      let word = match[0].replace(/\u2019/g, "'");
      if (word.endsWith("'s")) word = word.slice(0, -2);
      found.push(word.replace(/'/g, ''));
    }
    return found;
  }

  // ---- The Porter stemmer: PorterStemmer.cs, step for step ----

  const STEP2 = {
    a: [['ational', 'ate'], ['tional', 'tion']],
    c: [['enci', 'ence'], ['anci', 'ance']],
    e: [['izer', 'ize']],
    l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
    o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
    s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
    t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
    g: [['logi', 'log']],
  };
  const STEP3 = {
    e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
    i: [['iciti', 'ic']],
    l: [['ical', 'ic'], ['ful', '']],
    s: [['ness', '']],
  };
  const STEP4 = {
    a: ['al'], c: ['ance', 'ence'], e: ['er'], i: ['ic'], l: ['able', 'ible'], n: ['ant', 'ement', 'ment', 'ent'],
    o: ['ion', 'ou'], s: ['ism'], t: ['ate', 'iti'], u: ['ous'], v: ['ive'], z: ['ize'],
  };

  function stem(word) {
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
    const b = word.split('');
    let k = b.length - 1;
    let j = 0;
    const isConsonant = i => {
      switch (b[i]) {
        case 'a': case 'e': case 'i': case 'o': case 'u': return false;
        case 'y': return i === 0 || !isConsonant(i - 1);
        default: return true;
      }
    };
    const measure = () => {
      let n = 0;
      let i = 0;
      for (;;) { if (i > j) return n; if (!isConsonant(i)) break; i++; }
      i++;
      for (;;) {
        for (;;) { if (i > j) return n; if (isConsonant(i)) break; i++; }
        i++;
        n++;
        for (;;) { if (i > j) return n; if (!isConsonant(i)) break; i++; }
        i++;
      }
    };
    const vowelInStem = () => { for (let i = 0; i <= j; i++) if (!isConsonant(i)) return true; return false; };
    const doubleConsonant = at => at >= 1 && b[at] === b[at - 1] && isConsonant(at);
    const cvc = i => i >= 2 && isConsonant(i) && !isConsonant(i - 1) && isConsonant(i - 2) && !'wxy'.includes(b[i]);
    const ends = suffix => {
      const length = suffix.length;
      if (length > k + 1 || b[k] !== suffix[length - 1]) return false;
      for (let i = 0; i < length; i++) if (b[k - length + 1 + i] !== suffix[i]) return false;
      j = k - length;
      return true;
    };
    const setTo = ending => {
      for (let i = 0; i < ending.length; i++) b[j + 1 + i] = ending[i];
      k = j + ending.length;
    };
    const applyFirst = (rules, at) => {
      const candidates = at >= 0 ? rules[b[at]] : undefined;
      if (!candidates) return;
      for (const [suffix, ending] of candidates) {
        if (ends(suffix)) { if (measure() > 0) setTo(ending); return; }
      }
    };

    // Step 1ab: plurals and -ed, -ing.
    if (b[k] === 's') {
      if (ends('sses')) k -= 2;
      else if (ends('ies')) setTo('i');
      else if (b[k - 1] !== 's') k--;
    }
    if (ends('eed')) {
      if (measure() > 0) k--;
    } else if ((ends('ed') || ends('ing')) && vowelInStem()) {
      k = j;
      if (ends('at')) setTo('ate');
      else if (ends('bl')) setTo('ble');
      else if (ends('iz')) setTo('ize');
      else if (doubleConsonant(k)) {
        k--;
        if ('lsz'.includes(b[k])) k++;
      } else if (measure() === 1 && cvc(k)) setTo('e');
    }
    if (k > 0) {
      if (ends('y') && vowelInStem()) b[k] = 'i'; // step 1c
      applyFirst(STEP2, k - 1);
      applyFirst(STEP3, k);
      const suffixes = k >= 1 ? STEP4[b[k - 1]] : undefined; // step 4
      if (suffixes) {
        let matched = false;
        for (const suffix of suffixes) {
          if (!ends(suffix)) continue;
          if (suffix === 'ion' && !(j >= 0 && (b[j] === 's' || b[j] === 't'))) continue;
          matched = true;
          break;
        }
        if (matched && measure() > 1) k = j;
      }
      j = k; // step 5
      if (b[k] === 'e') {
        const m = measure();
        if (m > 1 || (m === 1 && !cvc(k - 1))) k--;
      }
      if (b[k] === 'l' && doubleConsonant(k) && measure() > 1) k--;
    }
    return b.slice(0, k + 1).join('');
  }

  const searchWords = text => words(text).filter(w => w.length <= MAX_WORD_LENGTH && !STOP_WORDS.has(w));

  // ---- The index's chunks, read as BlockInverter.cs writes them ----

  const utf8 = new TextDecoder();

  /**
   * Reads the varints of a chunk (BlockInverter.cs): whole numbers seven bits a byte, low bits first; text as its
   * length in bytes and its UTF-8.
   */
  class Reader {
    constructor(bytes, at = 0) { this.bytes = bytes; this.at = at; }

    number() {
      let value = 0;
      let shift = 0;
      let byte;
      do {
        byte = this.bytes[this.at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      return value;
    }

    text() {
      const length = this.number();
      const start = this.at;
      this.at += length;
      let ascii = true;
      for (let i = start; i < this.at; i++) if (this.bytes[i] >= 0x80) { ascii = false; break; }
      return ascii ? String.fromCharCode(...this.bytes.subarray(start, this.at))
        : utf8.decode(this.bytes.subarray(start, this.at));
    }
  }

  /**
   * A term, from its entries (one for each block of pages it is on, in order: each the bytes of its chunk and
   * where its body starts). Its pages and weights are read when a query first needs them, its cards (the address,
   * title and section of the pages whose title has it) only for the pages a query lists, and the pages where
   * another term follows it only for the terms a query has after it.
   */
  class Term {
    constructor(term, parts, pageCount) {
      this.term = term;
      this.parts = parts;
      this.size = parts.reduce((n, { bytes, at }) => n + new Reader(bytes, at).number(), 0);
      // How rare the term is on the site, ln(1 + N/df): a term on every page still counts (ln 2), so that its
      // place (title, heading) still tells pages apart. The weights in the index are the page's alone.
      this.rarity = Math.log(1 + pageCount / Math.max(1, this.size));
      this.followedBy = new Map();
    }

    get pages() { this.decode(); return this.decodedPages; }
    get weights() { this.decode(); return this.decodedWeights; }

    decode() {
      if (this.decodedPages) return;
      this.decodedPages = new Int32Array(this.size);
      this.decodedWeights = new Float64Array(this.size);
      this.cardsAt = [];
      this.followersAt = [];
      let i = 0;
      for (const { bytes, at } of this.parts) {
        const reader = new Reader(bytes, at);
        let page = 0;
        for (let n = reader.number(); n > 0; n--, i++) {
          this.decodedPages[i] = page += reader.number();
          this.decodedWeights[i] = reader.number() * this.rarity;
        }
        const length = reader.number();
        this.cardsAt.push(reader.at);
        this.followersAt.push(reader.at + length);
      }
    }

    /** Adds to `into` the cards this term has of the pages `wanted` (a Set) that it does not hold yet. */
    readCards(wanted, into) {
      this.decode();
      this.parts.forEach(({ bytes }, part) => {
        const reader = new Reader(bytes, this.cardsAt[part]);
        let page = 0;
        for (let n = reader.number(); n > 0; n--) {
          page += reader.number();
          if (wanted.has(page) && !into.has(page)) {
            into.set(page, { u: reader.text(), t: reader.text(), s: reader.text() });
          } else {
            for (let field = 0; field < 3; field++) {
              const length = reader.number();
              reader.at += length;
            }
          }
        }
      });
    }

    /** The terms that follow this one somewhere, each with where its pages are (read once). */
    get followers() {
      if (!this.followerRanges) {
        this.decode();
        this.followerRanges = new Map();
        this.parts.forEach(({ bytes }, part) => {
          const reader = new Reader(bytes, this.followersAt[part]);
          for (let n = reader.number(); n > 0; n--) {
            const term = reader.text();
            const length = reader.number();
            if (!this.followerRanges.has(term)) this.followerRanges.set(term, []);
            this.followerRanges.get(term).push({ bytes, at: reader.at, end: reader.at + length });
            reader.at += length;
          }
        });
      }
      return this.followerRanges;
    }

    /** The pages where the term given follows this one. */
    pagesFollowedBy(next) {
      if (!this.followedBy.has(next)) {
        const pages = [];
        for (const { bytes, at, end } of this.followers.get(next) || []) {
          const reader = new Reader(bytes, at);
          let page = 0;
          while (reader.at < end) pages.push(page += reader.number());
        }
        this.followedBy.set(next, pages);
      }
      return this.followedBy.get(next);
    }
  }

  /** A chunk's entries, by their term: each entry's bytes and where its body starts. */
  function entriesOf(bytes) {
    const byTerm = new Map();
    const reader = new Reader(bytes);
    while (reader.at < bytes.length) {
      const term = reader.text();
      const length = reader.number();
      if (!byTerm.has(term)) byTerm.set(term, []);
      byTerm.get(term).push({ bytes, at: reader.at });
      reader.at += length;
    }
    return byTerm;
  }

  // Outside a browser (the tests run this file in Node to compare it with the C# side) it only lends its words and
  // its reader of the chunks.
  if (typeof document === 'undefined') {
    globalThis.kropotkinSiteSearchWords = { normalise, words, stem, searchWords, entriesOf, Term };
    return;
  }

  // ---- The index: fetched a piece at a time, each piece once ----

  const results = document.getElementById('search-results');
  const input = document.getElementById('search-query');
  const status = document.getElementById('search-status');
  if (!results || !input || !status) return;
  const base = results.dataset.index;
  const files = new Map();

  async function fetchBytes(path) {
    const response = await fetch(base + path);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The files are gzip; a host may already have inflated them (Content-Encoding), so look before inflating.
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    // (From a Response's body rather than a Blob's stream: a Blob is handed to the browser's process and back,
    // which took about a millisecond a file, more than inflating it.)
    const inflated = new Response(bytes).body.pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(inflated).arrayBuffer());
  }

  const fetchJson = async path => JSON.parse(utf8.decode(await fetchBytes(path)));

  function load(path, read = data => data, fetchFile = fetchJson) {
    if (!files.has(path)) files.set(path, fetchFile(path).then(read));
    return files.get(path);
  }

  const meta = () => load('meta.bin', data => ({
    pages: data.pages,
    sections: data.sections,
    pagesFile: data.pagesFile,
    chunks: data.chunks.map(([first, , file, last]) => ({ first, last, file })),
  }));

  /** A page's address, title, section and text: from its own file, or from the one file of a small site. */
  const pageData = (index, page) => index.pagesFile ? load(index.pagesFile).then(pages => pages[page])
    : load(`pages/${page}.bin`);

  const chunk = (index, at) => load(index.chunks[at].file, entriesOf, fetchBytes);

  /** The chunk a term would be in: the last whose first term is not after it. */
  function chunkOf(index, term) {
    let low = 0;
    let high = index.chunks.length - 1;
    let found = 0;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (index.chunks[middle].first <= term) { found = middle; low = middle + 1; } else high = middle - 1;
    }
    return found;
  }

  /**
   * The chunks that hold a term's entries: the one it would be in, and those before it that end with it. None
   * when it is before the first chunk or past the last term of its chunk: then nothing is fetched.
   */
  function chunksOf(index, term) {
    if (index.chunks.length === 0) return [];
    let at = chunkOf(index, term);
    if (term < index.chunks[at].first || term > index.chunks[at].last) return [];
    const found = [at];
    while (at > 0 && index.chunks[at - 1].last === term) found.unshift(--at);
    return found;
  }

  const terms = new Map(); // each term looked up once: term → its Term, or null
  function exactTerm(index, term) {
    if (!terms.has(term)) {
      terms.set(term, Promise.all(chunksOf(index, term).map(at => chunk(index, at))).then(chunks => {
        const parts = chunks.flatMap(found => found.get(term) || []);
        return parts.length ? new Term(term, parts, index.pages) : null;
      }));
    }
    return terms.get(term);
  }

  async function termsStartingWith(index, prefix) {
    if (index.chunks.length === 0) return [];
    // The chunks that may hold such words, known from the meta file alone, so they are fetched together.
    const holding = [];
    const first = chunkOf(index, prefix);
    for (let at = first; at < index.chunks.length && at < first + PREFIX_CHUNKS; at++) {
      if (at > first && !index.chunks[at].first.startsWith(prefix)) break;
      // A chunk whose terms all come before the prefix, or after every word it begins, holds none of them.
      if (index.chunks[at].last < prefix || (at === first && index.chunks[at].first > prefix
        && !index.chunks[at].first.startsWith(prefix))) continue;
      holding.push(at);
    }
    const names = new Set();
    for (const byTerm of await Promise.all(holding.map(at => chunk(index, at))))
      for (const term of byTerm.keys()) if (term.startsWith(prefix)) names.add(term);
    const found = (await Promise.all([...names].map(term => exactTerm(index, term)))).filter(Boolean);
    // The most common first.
    return found.sort((a, b) => b.size - a.size || (a.term < b.term ? -1 : 1)).slice(0, PREFIX_TERMS);
  }

  /**
   * The terms a word of the query matches, each with how much it counts: its stem in full; and, for the word
   * being typed, the terms it begins (a stem of what is typed so far: "prisone" → prison) and those beginning
   * with it ("revolu" → revolutionari).
   */
  async function termsFor(index, word, typing) {
    const wanted = [exactTerm(index, stem(word)).then(t => t && [{ entry: t, factor: 1 }])];
    if (typing && word.length >= 3) {
      for (let length = word.length - 1; length >= Math.max(3, word.length - 3); length--)
        wanted.push(exactTerm(index, word.slice(0, length)).then(t => t && [{ entry: t, factor: 0.8 }]));
      wanted.push(termsStartingWith(index, word).then(ts => ts.map(t => ({ entry: t, factor: 0.7 }))));
    }
    const byTerm = new Map();
    for (const list of await Promise.all(wanted))
      for (const found of list || []) {
        const known = byTerm.get(found.entry.term);
        if (!known || known.factor < found.factor) byTerm.set(found.entry.term, found);
      }
    return [...byTerm.values()];
  }

  /**
   * Ranks the pages that have the most of the query's words (all of them, when any page has all) by the words'
   * weights (a title beats headings, headings beat the body), with a bonus where two of the words stand
   * together as they were typed.
   */
  async function search(query) {
    const index = await meta();
    const typed = searchWords(query);
    const typing = !/\s$/.test(query);
    const matches = await Promise.all(typed.map((word, i) => termsFor(index, word, typing && i === typed.length - 1)));
    // Each word's best weight on each page (0: not on it), in arrays by page: a large site's common words are on
    // thousands of pages.
    const pageCount = index.pages;
    const best = matches.map(terms => {
      const weights = new Float64Array(pageCount);
      for (const { entry, factor } of terms) {
        const { pages, weights: entryWeights } = entry;
        for (let i = 0; i < pages.length; i++) {
          const weight = entryWeights[i] * factor;
          if (weights[pages[i]] < weight) weights[pages[i]] = weight;
        }
      }
      return weights;
    });
    const words = new Uint8Array(pageCount);
    const weight = new Float64Array(pageCount);
    for (const weights of best)
      for (let page = 0; page < pageCount; page++)
        if (weights[page] > 0) { words[page]++; weight[page] += weights[page]; }
    for (let i = 0; i + 1 < matches.length; i++)
      for (const first of matches[i])
        for (const second of matches[i + 1])
          for (const page of first.entry.pagesFollowedBy(second.entry.term))
            if (words[page] > 0) weight[page] += best[i][page] + best[i + 1][page];
    // Pages with all the words when there are any (else those with the most), best first.
    let most = 0;
    for (let page = 0; page < pageCount; page++) most = Math.max(most, words[page]);
    const ranked = [];
    if (most > 0) for (let page = 0; page < pageCount; page++) if (words[page] === most) ranked.push(page);
    ranked.sort((a, b) => weight[b] - weight[a] || a - b);
    const stems = new Set(matches.flat().map(m => m.entry.term));
    const prefix = typing && typed.length > 0 && typed[typed.length - 1].length >= 3 ? typed[typed.length - 1] : null;
    const top = ranked.slice(0, SHOWN);
    // The cards of the pages listed, from the terms' entries: a page is there when its title has a word of the
    // query, as the best results' titles mostly do. Only the others wait for their files to be listed.
    const cards = new Map();
    const wanted = new Set(top);
    for (const { entry } of matches.flat()) {
      if (cards.size === wanted.size) break;
      entry.readCards(wanted, cards);
    }
    return { index, total: ranked.length, top, cards, stems, prefix, sections: index.sections };
  }

  /**
   * The text of a listed page to take its excerpt from: the head of a long page's text, or the whole text when the
   * head has no word to mark (its rest is fetched only then).
   */
  async function textOf(found, id) {
    const page = await pageData(found.index, id);
    if (!page.m || hasMatch(page.x, found.stems, found.prefix)) return page.x;
    return page.x + (await load(`pages/${id}.more.bin`)).x;
  }

  // ---- Results ----

  // What a word of a page's text is searched by ('' for a stop word), worked out once per spelling.
  const termOfSpelling = new Map();
  function termOf(spelling) {
    let term = termOfSpelling.get(spelling);
    if (term === undefined) {
      const word = /^[A-Za-z]+$/.test(spelling) ? spelling.toLowerCase() : words(spelling)[0] || '';
      term = { word, stem: STOP_WORDS.has(word) || word.length > MAX_WORD_LENGTH ? '' : stem(word) };
      termOfSpelling.set(spelling, term);
    }
    return term;
  }

  /** Whether a text has a word the query matched. */
  function hasMatch(text, stems, prefix) {
    for (const match of text.matchAll(RAW_WORD)) {
      const { word, stem: term } = termOf(match[0]);
      if (term !== '' && (stems.has(term) || (prefix !== null && word.startsWith(prefix)))) return true;
    }
    return false;
  }

  /** The stretch of a page's text with the most of the matched words, as text and <mark> elements. */
  function excerpt(text, stems, prefix) {
    const found = [];
    for (const match of text.matchAll(RAW_WORD)) {
      const { word, stem: term } = termOf(match[0]);
      const hit = term !== '' && (stems.has(term) || (prefix !== null && word.startsWith(prefix)));
      found.push({ start: match.index, end: match.index + match[0].length, key: hit ? term : null });
    }
    if (found.length === 0) return [];
    let from = 0;
    let bestCount = -1;
    const counts = new Map();
    const add = (key, by) => {
      if (!key) return;
      counts.set(key, (counts.get(key) || 0) + by);
      if (counts.get(key) === 0) counts.delete(key);
    };
    for (let i = 0; i < found.length; i++) {
      add(found[i].key, 1);
      if (i >= EXCERPT_WORDS) add(found[i - EXCERPT_WORDS].key, -1);
      const start = Math.max(0, i - EXCERPT_WORDS + 1);
      if (counts.size > bestCount) { bestCount = counts.size; from = start; }
    }
    // Start a few words before the first match, so that the matches stand in the middle rather than at the end.
    const firstHit = found.findIndex((f, i) => i >= from && f.key);
    if (firstHit >= 0) from = Math.max(0, Math.min(firstHit - 6, found.length - EXCERPT_WORDS));
    const to = Math.min(found.length, from + EXCERPT_WORDS) - 1;
    const parts = [];
    let at = found[from].start;
    if (from > 0) parts.push('… ');
    for (let i = from; i <= to; i++) {
      if (!found[i].key) continue;
      parts.push(text.slice(at, found[i].start));
      const mark = document.createElement('mark');
      mark.textContent = text.slice(found[i].start, found[i].end);
      parts.push(mark);
      at = found[i].end;
    }
    parts.push(text.slice(at, found[to].end));
    if (found[to].end < text.length) parts.push(' …');
    return parts.map(p => typeof p === 'string' ? p.replace(/\s+/g, ' ') : p);
  }

  /** Lists the results (title, link, section); their excerpts come after (addExcerpt). */
  function list(query, found, pages) {
    const items = pages.map(page => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.className = 'search-result__title';
      link.href = page.u;
      link.textContent = page.t;
      item.append(link);
      if (page.s) {
        const section = document.createElement('span');
        section.className = 'search-result__section';
        section.textContent = found.sections[page.s] || page.s;
        item.append(section);
      }
      return item;
    });
    results.replaceChildren(...items);
    const quoted = `\u201c${query.trim()}\u201d`;
    status.textContent = found.total === 0 ? `No page matches ${quoted}.`
      : `${found.total} ${found.total === 1 ? 'page matches' : 'pages match'} ${quoted}` +
        (found.total > SHOWN ? `; the best ${SHOWN} are listed.` : '.');
    return items;
  }

  function addExcerpt(item, text, found) {
    const paragraph = document.createElement('p');
    paragraph.className = 'search-result__excerpt';
    paragraph.append(...excerpt(text, found.stems, found.prefix));
    item.append(paragraph);
  }

  // The list shows as soon as the ranking and the listed pages' cards are known (data-listed is set to the query
  // then), and each excerpt as its page's file comes (data-query is set once all are in). The status line, the
  // page's live region, is written once, with the list.
  let latest = 0;
  async function run(query) {
    const ticket = ++latest;
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (searchWords(query).length === 0) {
      results.replaceChildren();
      status.textContent = query.trim() ? 'Type a word that is not as common as those.' : '';
      results.dataset.listed = results.dataset.query = query;
      return;
    }
    try {
      const found = await search(query);
      if (ticket !== latest) return; // a later query has started: its results win
      const texts = found.top.map(id => textOf(found, id)); // fetched meanwhile
      texts.forEach(text => text.catch(() => {})); // (a failure shows below, unless a later query wins)
      const pages = await Promise.all(found.top.map(id => found.cards.get(id) || pageData(found.index, id)));
      if (ticket !== latest) return;
      const items = list(query, found, pages);
      results.dataset.listed = query;
      await Promise.all(texts.map(async (text, i) => {
        const got = await text;
        if (ticket === latest) addExcerpt(items[i], got, found);
      }));
      if (ticket !== latest) return;
    } catch (error) {
      if (ticket !== latest) return;
      results.replaceChildren();
      status.textContent = 'Search could not load its index; try again later.';
      console.error(error);
    }
    results.dataset.listed = results.dataset.query = query;
  }

  input.addEventListener('input', () => run(input.value));
  input.form.addEventListener('submit', event => {
    event.preventDefault();
    run(input.value);
  });
  const query = new URLSearchParams(location.search).get('q');
  if (query) {
    input.value = query;
    run(query);
  } else {
    // The meta file is fetched as the page opens, not with the first word typed: one round trip less then. A
    // failure shows when a query needs it.
    meta().catch(() => {});
  }
})();
