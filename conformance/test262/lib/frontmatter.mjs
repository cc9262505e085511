// Reads the metadata block of a test262 test: the YAML between `/*---` and
// `---*/` (see test262's INTERPRETING.md). test262 uses a small, regular
// subset of YAML, so this parses only that subset instead of pulling in a
// YAML package:
//   key: scalar                 (quotes stripped, `# comment` dropped)
//   key: [a, b, c]              (flow list)
//   key:                        followed by indented `- item` lines (block list)
//   key:                        followed by indented `sub: value` lines (map, e.g. negative)
//   key: | or >                 (block text: kept as a string, never needed for running)
// Unknown keys are kept as read; the caller takes what it needs.

const BLOCK_RE = /\/\*---([\s\S]*?)---\*\//;

function stripComment(s) {
  // A ` #` starts a comment unless inside quotes; test262 never quotes a '#'
  // in the keys we read, so a plain search is enough.
  const i = s.search(/(^|\s)#/);
  return (i < 0 ? s : s.slice(0, i)).trim();
}

function unquote(s) {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.at(-1) === s[0]) return s.slice(1, -1);
  return s;
}

function parseFlowList(s) {
  const inner = s.trim().replace(/^\[/, '').replace(/\]$/, '');
  return inner.split(',').map((x) => unquote(x.trim())).filter(Boolean);
}

function indentOf(line) {
  return line.length - line.trimStart().length;
}

// Returns the metadata as a plain object, or null when the file has no block.
export function parseFrontmatter(source) {
  const m = BLOCK_RE.exec(source);
  if (!m) return null;
  let lines = m[1].split(/\r\n|\r|\n/);
  // A few files indent the whole block; measure keys from its left edge.
  const base = Math.min(...lines.filter((l) => l.trim()).map(indentOf));
  if (base > 0 && base !== Infinity) lines = lines.map((l) => l.slice(Math.min(base, indentOf(l))));
  const out = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.trim() || indentOf(line) > 0) continue; // only top-level keys start here
    const km = /^([A-Za-z_][\w.-]*):(.*)$/.exec(line);
    if (!km) continue;
    const key = km[1];
    const rest = km[2].trim();
    // Gather the indented lines that belong to this key.
    const body = [];
    while (i + 1 < lines.length && (lines[i + 1].trim() === '' || indentOf(lines[i + 1]) > 0)) {
      body.push(lines[++i]);
    }
    if (rest.startsWith('[')) {
      // A flow list may wrap onto following lines.
      out[key] = parseFlowList([rest, ...body].join(' '));
    } else if (rest === '|' || rest === '>' || rest.startsWith('|') || rest.startsWith('>')) {
      out[key] = body.map((l) => l.trim()).join(rest.startsWith('|') ? '\n' : ' ').trim();
    } else if (rest !== '') {
      out[key] = unquote(stripComment(rest));
    } else {
      const items = body.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      if (items.length && items.every((l) => l.startsWith('-'))) {
        out[key] = items.map((l) => unquote(stripComment(l.slice(1).trim())));
      } else {
        const map = {};
        for (const l of items) {
          const sm = /^([\w.-]+):(.*)$/.exec(l);
          if (sm) map[sm[1]] = unquote(stripComment(sm[2].trim()));
        }
        out[key] = map;
      }
    }
  }
  return out;
}

// The fields a runner needs, normalised: lists are always arrays, flags a Set.
// (The descriptions are dropped: a full run keeps ~45,000 of these in memory,
// and a smaller runner process also forks its children faster.)
export function readTestMetadata(source) {
  const raw = parseFrontmatter(source) ?? {};
  const list = (v) => (Array.isArray(v) ? v : v ? [String(v)] : []);
  const negative =
    raw.negative && typeof raw.negative === 'object' && raw.negative.phase
      ? { phase: raw.negative.phase, type: raw.negative.type ?? '' }
      : null;
  return {
    flags: new Set(list(raw.flags)),
    features: list(raw.features),
    includes: list(raw.includes),
    negative,
    hasFrontmatter: Object.keys(raw).length > 0,
  };
}
