/**
 * Generic reading of the text streaming pages show around a title: a cleaned title, the season/episode line, the
 * runtime badge and the year. Shared by every site adapter, so nothing here names a service's selectors.
 *
 * Page text is untrusted: every function caps its input first and only runs regexes without nested quantifiers on
 * the capped string, so a hostile 1 MB title costs the same as a short one. All functions are total (never throw).
 */

/** Longest title we read. Real titles are far shorter; the cap keeps every regex below cheap. */
export const MAX_TITLE_LENGTH = 300;
/** Episode lines and badges are short; anything longer is not one. */
const MAX_LINE_LENGTH = 200;

/** `s` cut to `max` UTF-16 units without leaving half a surrogate pair at the end. */
export function capLength(s: string, max: number = MAX_TITLE_LENGTH): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
};

/**
 * Entities left in page strings ("Mr. &#38; Mrs. Smith", "Tom Clancy&#39;s Jack Ryan": castkodi's Prime titles,
 * streaming-detection.md §2.6). Decoded to plain text, never parsed as markup: "&lt;b&gt;" becomes the text "<b>".
 */
function decodeEntities(s: string): string {
  const entity = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,5}));/gi;
  return s.replace(entity, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Full-width ASCII (U+FF01–FF5E) and the ideographic space to their ASCII forms: Japanese pages write "シーズン１"
 * and "（字幕版）". Deliberately narrower than NFKC, which would also rewrite "Alien³" or ligatures.
 */
function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Control characters become spaces; bidi controls and invisible joiners are dropped. ZWJ (U+200D) stays: it glues
 * emoji sequences together.
 */
function stripInvisible(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '');
}

function collapseSpaces(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The shared first steps: cap, decode, half-width, invisible characters out, spaces collapsed. */
export function normalizePageText(raw: string, max: number = MAX_TITLE_LENGTH): string {
  return collapseSpaces(stripInvisible(toHalfWidth(decodeEntities(capLength(String(raw), max)))));
}

/**
 * Words inside a trailing (…) or […] that mark a version of the same film, not a different film: language and
 * subtitle versions ("[dt./OV]", "[OmU]", "(Subtitled)", "（字幕版）") and picture formats ("(4K UHD)", "(Ultra HD)").
 * A group is dropped only when every word in it is a tag, so "(500) Days of Summer" or "Alien (Director's Cut)" stay.
 */
const VERSION_TAGS = new Set([
  // German/original versions (UTS issue #342, 2023-10: " [dt./OV]"), English/French/Spanish/Italian/Portuguese.
  'dt', 'de', 'deu', 'ger', 'german', 'deutsch', 'ov', 'omu', 'omdu', 'omeu', 'original', 'version', 'originalversion',
  'en', 'eng', 'engl', 'english', 'sub', 'subs', 'subbed', 'subtitled', 'dub', 'dubbed', 'untertitelt',
  'synchronisiert', 'vf', 'vo', 'vost', 'vostfr', 'vos', 'vose', 'subtitulado', 'doblado', 'sottotitolato', 'doppiato',
  'legendado', 'dublado',
  // Picture formats.
  '4k', 'uhd', 'ultra', 'hd', 'sd', 'hdr', 'hdr10', 'dolby', 'vision', 'atmos',
  // Japanese storefronts: subtitled / dubbed editions.
  '字幕版', '吹替版', '字幕', '吹替', '日本語字幕版', '日本語吹替版',
]);

const TRAILING_GROUP = /\s*[[(]([^[\]()]{1,60})[\])]\s*$/;

function stripVersionTag(s: string): string {
  const m = TRAILING_GROUP.exec(s);
  if (!m || m[1] === undefined) return s;
  const words = m[1].toLowerCase().split(/[\s/.,+&|-]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => VERSION_TAGS.has(w)) ? s.slice(0, m.index) : s;
}

/** "Season" in the languages of the storefronts we serve (the UK says "Series 2"). */
const SEASON_WORDS = [
  'season', 'series', 'staffel', 'saison', 'temporada', 'stagione', 'sezon', 'säsong', 'sæson', 'sesong', 'kausi',
  'seizoen', 'sezona', 'évad', 'σεζόν', 'сезон', 'الموسم', 'सीज़न', 'सीजन',
].join('|');
/** A bracketed subtitle right after a season number: "【東京湾大海戦】". */
const SEASON_SUBTITLE = String.raw`(?:\s*[【[(][^【】[\]()]{0,80}[】\])])?`;

/**
 * A season suffix after the show name: "Fallout - Season 1", "The Boys: Staffel 2", ": Die komplette Staffel 1",
 * "沈黙の艦隊 - シーズン1【東京湾大海戦】" (castkodi, SE `Amazon_fixTitle`; streaming-detection.md §2.2, §2.6).
 * A bracketed subtitle right after the number goes with it. Anchored at the end, no nested quantifiers.
 */
const SEASON_SUFFIX = new RegExp(
  String.raw`(?:\s*[-–—:|,]\s*|\s+)(?:(?:the\s+)?complete\s+|die\s+komplette\s+)?(?:${SEASON_WORDS})\s*\d{1,3}` +
    String.raw`${SEASON_SUBTITLE}\s*$`,
  'iu',
);
/** Japanese/Korean write the season word with or without a separator: "沈黙の艦隊シーズン1". */
const CJK_SEASON_SUFFIX = new RegExp(String.raw`\s*[-–—:]?\s*(?:シーズン|시즌)\s*\d{1,3}${SEASON_SUBTITLE}\s*$`, 'u');
/** "Heirate Meinen Mann S1" (castkodi, amazon.de). Needs the space: "MS1" is not a season. */
const SHORT_SEASON_SUFFIX = /\s+S\d{1,2}\s*$/;

function stripSeasonSuffix(s: string): string {
  for (const re of [SEASON_SUFFIX, CJK_SEASON_SUFFIX, SHORT_SEASON_SUFFIX]) {
    const m = re.exec(s);
    // Never strip a whole title down to nothing ("Season 1" alone stays).
    if (m && m.index > 0) return s.slice(0, m.index);
  }
  return s;
}

/** Service prefixes some page titles carry ("Prime Video: Fallout - Season 1", castkodi `pageTitle`). */
const SERVICE_PREFIX = /^prime video\s*:\s*/i;

/**
 * A title as a person would type it: entities decoded, full-width digits folded, invisible characters dropped,
 * version tags ("[dt./OV]", "(4K UHD)"), season suffixes (": Staffel 2", " - Season 1", " S1") and the
 * "Prime Video: " prefix removed. Input is capped at 300 characters. Returns "" when nothing is left.
 */
export function cleanTitle(raw: string): string {
  let s = normalizePageText(raw).replace(SERVICE_PREFIX, '');
  // Tags and suffixes come in either order ("X: Staffel 2 [OV]", "X [OV] - Season 1"); a few rounds settle it.
  for (let round = 0; round < 4; round++) {
    const before = s;
    s = stripSeasonSuffix(stripVersionTag(s)).replace(/[\s\-–—:|,]+$/u, '');
    if (s === before) break;
  }
  return s.trim();
}

/** True when the raw title ends with a season suffix: the page is about a season of a series, not a film. */
export function hasSeasonSuffix(raw: string): boolean {
  let s = normalizePageText(raw);
  for (let round = 0; round < 3; round++) s = stripVersionTag(s);
  return stripSeasonSuffix(s) !== s;
}

export interface EpisodeNumbers {
  season?: number;
  episode: number;
}

/** "Episode", longest forms first; "F." is German "Folge", "afl." Dutch "aflevering", "第" Japanese "第1話". */
const EPISODE_WORDS = [
  'episode', 'épisode', 'episodio', 'episódio', 'episodi', 'aflevering', 'afsnit', 'avsnitt', 'avsn', 'odcinek', 'odc',
  'bölüm', 'jakso', 'folge', 'capítulo', 'cap', 'puntata', 'ep', 'afl', 'f', 'e', 'エピソード', '에피소드', '第', 'الحلقة',
  'एपिसोड',
].join('|');
const SEASON_MARKERS = `${SEASON_WORDS}|シーズン|시즌|s|t`;

/**
 * Season and episode, in any of the shapes players use (streaming-detection.md §2.2, §12.3): "Season 1, Ep. 4 The
 * Ghouls", "Staffel 2, F. 1", "S1 E1 …", "S1:E3", "シーズン1、エピソード1 …", "S1：第1話", "T1 Ep.2", "S1: afl. 6".
 * The season word must start the line or follow a non-letter, so "Bus 1 E 2" inside a word is not read.
 */
const SEASON_EPISODE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${SEASON_MARKERS})\s*\.?\s*(\d{1,3})\s*[,、:.\-–]?\s*` +
    String.raw`(?:${EPISODE_WORDS})\s*\.?\s*(\d{1,4})(?!\d)`,
  'iu',
);
/** An episode without a season: "Ep. 4", "Folge 3", "第1話". */
const EPISODE_ONLY = new RegExp(String.raw`^(?:${EPISODE_WORDS})\s*\.?\s*(\d{1,4})(?!\d)`, 'iu');

/** Season/episode numbers from an episode line, or null when the line names none. */
export function parseEpisodeLine(line: string): EpisodeNumbers | null {
  const s = normalizePageText(line, MAX_LINE_LENGTH);
  const both = SEASON_EPISODE.exec(s);
  if (both) return { season: Number(both[1]), episode: Number(both[2]) };
  const only = EPISODE_ONLY.exec(s);
  return only ? { episode: Number(only[1]) } : null;
}

function unitPattern(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${words.join('|')})`, 'iu');
}
const MINUTE_UNIT = unitPattern([
  'm', 'min', 'mins', 'minute', 'minutes', 'minuten', 'minuti', 'minutos', 'minuut', 'minuter', 'minut', 'minuty', 'dk',
  'dakika', '分', '분', 'мин', 'دقيقة', 'मिनट',
]);
const HOUR_UNIT = unitPattern([
  'h', 'hr', 'hrs', 'hour', 'hours', 'std', 'stunde', 'stunden', 'heure', 'heures', 'ora', 'ore', 'hora', 'horas', 'uur',
  'u', 'tim', 'timme', 'timmar', 't', 'godz', 'g', 'saat', 'sa', '時間', '시간', 'ч', 'час', 'ساعة', 'घंटे',
]);

/**
 * Minutes from a runtime badge: "1 h 43 min", "1h 43min", "103min", "2h", "1 Std. 43 Min.", "1時間43分".
 * Numbers without a known unit read as hours then minutes. Undefined when the text holds no plausible runtime.
 */
export function parseRuntime(text: string): number | undefined {
  const s = normalizePageText(text, 60);
  let minutes = 0;
  let seen = 0;
  for (const m of s.matchAll(/(\d{1,4})\s*([^\d\s.]*)/gu)) {
    const value = Number(m[1]);
    const unit = m[2] ?? '';
    if (MINUTE_UNIT.test(unit)) minutes += value;
    else if (HOUR_UNIT.test(unit)) minutes += value * 60;
    else minutes += seen === 0 && /\d\D+\d/.test(s) ? value * 60 : value;
    if (++seen === 2) break;
  }
  return seen > 0 && minutes > 0 && minutes <= 1000 ? minutes : undefined;
}

/** A plausible release year (1880–2100) from a badge or label ("2010", "Released 2010"). */
export function parseYear(text: string): number | undefined {
  const m = /(?<!\d)(18[89]\d|19\d\d|20\d\d|2100)(?!\d)/.exec(normalizePageText(text, 60));
  return m ? Number(m[1]) : undefined;
}
