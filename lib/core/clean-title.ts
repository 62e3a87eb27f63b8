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
 * Copy notes: what a catalogue or a player adds to a title to say which copy of the film is streamed, never another
 * film. The one list for page titles and for the matcher (lib/core/match/candidates.ts) alike (issue #13: two lists had
 * drifted apart). Language and subtitle versions: German/original versions (UTS issue #342, 2023-10: " [dt./OV]"),
 * English/French/Spanish/Italian/Portuguese ones, Japanese storefronts' subtitled / dubbed editions ("（字幕版）");
 * picture and sound formats ("(4K UHD)"); cuts and editions ("(Director's Cut)", ": Extended Edition") as
 * catalogues (the Kaggle Prime/Netflix/Disney+ exports of the match-accuracy bench) write them.
 */
const STRONG_COPY_WORDS = new Set([
  '4k', 'uhd', 'hd', 'sd', 'hdr', 'hdr10', 'dolby', 'atmos', '3d', 'imax',
  'dt', 'de', 'deu', 'ger', 'german', 'deutsch', 'ov', 'omu', 'omdu', 'omeu', 'originalversion',
  'en', 'eng', 'engl', 'english', 'sub', 'subs', 'subbed', 'subtitled', 'subtitles', 'subtitle', 'cc', 'dub', 'dubbed',
  'untertitelt', 'synchronisiert', 'vf', 'vo', 'vost', 'vostfr', 'vos', 'vose', 'subtitulado', 'doblado',
  'sottotitolato', 'doppiato', 'legendado', 'dublado',
  'hindi', 'tamil', 'telugu', 'malayalam', 'kannada', 'marathi', 'bengali', 'punjabi', 'gujarati',
  'spanish', 'espanol', 'castellano', 'latino', 'french', 'francais', 'italian', 'italiano',
  'portuguese', 'japanese', 'korean', 'mandarin', 'cantonese', 'chinese', 'russian', 'turkish', 'arabic',
  'version', 'versao', 'edition', 'cut', 'directors', 'extended', 'theatrical', 'uncut', 'unrated', 'uncensored',
  'remastered', 'restored', 'anniversary', 'collectors', 'definitive', 'us', 'uk',
  'silent', 'dialog', 'dialogue', 'colorized', 'colourized', 'rerelease', 'audio', 'described', 'trailer',
  '字幕版', '吹替版', '字幕', '吹替', '日本語字幕版', '日本語吹替版',
]);

/**
 * Words that may stand in a copy note but never make one alone: "The Final" and "Special" are real subtitles
 * ("Rurouni Kenshin: The Final"), "Final Cut", "Special Edition" and "(Ultra HD)" are notes.
 */
const WEAK_COPY_WORDS = new Set([
  'the', 'and', 'in', 'with', 'no', 'b', 'w', 'black', 'white', 'color', 'colour', 'original', 'special', 'final',
  'ultimate', 'director', 're', 'release', 'plus', 'bonus', 'feature', 'ad', 'description', 'vision', 'ultra',
]);

const YEAR_ONLY = /^(1[89]\d\d|2[01]\d\d)$/;
const ORDINAL = /^\d{1,3}(st|nd|rd|th)$/;

/** Lower-case words of a short text: accents folded, apostrophes joined ("Director's" → "directors"). */
function copyWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Made only of copy words (at least one strong): "(4K UHD)", "[dt./OV]", "Director's Cut", "English subtitled". */
export function isCopyNote(text: string): boolean {
  const words = copyWords(text);
  return (
    words.some((w) => STRONG_COPY_WORDS.has(w)) &&
    words.every((w) => STRONG_COPY_WORDS.has(w) || WEAK_COPY_WORDS.has(w) || ORDINAL.test(w))
  );
}

/** A bracket group at the very end: "(4K UHD)", "[OmU]", "(2019)". Bounded, so the scan stays linear. */
const TRAILING_GROUP = /[([]([^()[\]]{0,80})[)\]]\s*$/u;
/** A last subtitle after ": " or " - ", for ": Director's Cut". */
const TRAILING_SUFFIX = /(?:\s*:\s*|\s+[-–—]\s+)([^:\-–—]{1,60})$/u;
/** Copy notes players append without brackets: "Elektra DIRECTOR'S CUT", "Philadelphia 4K UHD". */
const TRAILING_COPY_PHRASE =
  /\s+(?:director['’]?s cut|extended (?:cut|edition|version)|special edition|theatrical (?:cut|version)|unrated(?: cut| version)?|uncut(?: version)?|4k(?: uhd)?|uhd|remastered)\s*$/iu;

/** Cheap pre-check for a strong copy word anywhere in `text` (the matcher cleans only dataset titles that may need it). */
const COPY_HINT = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${[...STRONG_COPY_WORDS].join('|')})(?:$|[^\\p{L}\\p{N}])`, 'iu');

export function hasCopyWord(text: string): boolean {
  return COPY_HINT.test(text);
}

/** Whether `text` ends with an unbracketed copy phrase ("… DIRECTOR'S CUT"); the last few characters are checked first. */
export function endsWithCopyPhrase(text: string): boolean {
  return /cut|edition|version|unrated|4k|uhd|remastered/iu.test(text.slice(-12)) && TRAILING_COPY_PHRASE.test(text);
}

/** One round of copy-note stripping at the end of `s`; `yearOut` receives a bracketed year ("(2004)"). */
function stripCopyNoteOnce(s: string, keepYear: boolean, yearOut: { year?: number }): string {
  const group = TRAILING_GROUP.exec(s);
  if (group) {
    const inner = (group[1] ?? '').trim();
    // A year alone is a title ("(2004)"); a copy note alone ("[OV]") is none.
    if (!keepYear && group.index > 0 && YEAR_ONLY.test(inner)) {
      yearOut.year ??= Number(inner);
      return s.slice(0, group.index).trim();
    }
    if (isCopyNote(inner)) return s.slice(0, group.index).trim();
  }
  const suffix = TRAILING_SUFFIX.exec(s);
  if (suffix && suffix.index > 0 && isCopyNote(suffix[1] ?? '')) return s.slice(0, suffix.index).trim();
  const phrase = TRAILING_COPY_PHRASE.exec(s);
  if (phrase && phrase.index > 0) return s.slice(0, phrase.index).trim();
  return s;
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

export interface CleanedTitle {
  title: string;
  /** A year given in brackets at the end of the title ("Aladdin (1992)"), when asked to take it out. */
  year?: number;
}

export interface CleanOptions {
  /** Strip season suffixes (page titles: yes; the matcher's dataset titles: no, they name what they name). */
  seasons?: boolean;
  /** Keep a bracketed year in the title (page titles: the matcher takes it out and reads it as the year). */
  keepYear?: boolean;
  /**
   * Read the text as page text: entities decoded, full-width folded (page titles: yes). The matcher says no: its
   * titles were cleaned as page text once already, and dataset titles are indexed as written, so both sides of a
   * match stay alike.
   */
  pageText?: boolean;
}

/**
 * The one title cleaner (issue #13), for page titles and the matcher alike: page text normalised (entities decoded,
 * full-width folded, invisible characters dropped), the "Prime Video: " prefix, copy notes ("[dt./OV]", "(4K
 * UHD)", ": Director's Cut", "(English subtitled)") and, as asked, season suffixes (": Staffel 2", " - Season 1",
 * " S1") and a bracketed year removed from the end. Input is capped at 300 characters. "" when nothing is left.
 */
export function cleanTitleParts(raw: string, options: CleanOptions = {}): CleanedTitle {
  const seasons = options.seasons ?? true;
  const found: { year?: number } = {};
  const text = options.pageText === false ? collapseSpaces(stripInvisible(capLength(String(raw)))) : normalizePageText(raw);
  let s = text.replace(SERVICE_PREFIX, '');
  // Notes and suffixes come in either order ("X: Staffel 2 [OV]", "X [OV] - Season 1"); a few rounds settle it.
  for (let round = 0; round < 5; round++) {
    const before = s;
    s = stripCopyNoteOnce(s, options.keepYear === true, found);
    if (seasons) s = stripSeasonSuffix(s);
    s = s.replace(/[\s\-–—:|,]+$/u, '');
    if (s === before) break;
  }
  return found.year === undefined ? { title: s.trim() } : { title: s.trim(), year: found.year };
}

/** A page title as a person would type it (see cleanTitleParts); a bracketed year stays for the matcher to read. */
export function cleanTitle(raw: string): string {
  return cleanTitleParts(raw, { keepYear: true }).title;
}

/** True when the raw title ends with a season suffix: the page is about a season of a series, not a film. */
export function hasSeasonSuffix(raw: string): boolean {
  let s = normalizePageText(raw);
  for (let round = 0; round < 3; round++) s = stripCopyNoteOnce(s, true, {});
  return stripSeasonSuffix(s) !== s;
}

export interface EpisodeNumbers {
  season?: number;
  episode: number;
}

/** "Episode", longest forms first; "F." is German "Folge", "afl." Dutch "aflevering", "第" Japanese "第1話". */
const EPISODE_WORDS = [
  'episode', 'épisode', 'episodio', 'episódio', 'episodi', 'aflevering', 'afsnit', 'avsnitt', 'avsn', 'odcinek', 'odc',
  'bölüm', 'jakso', 'folge', 'capítulo', 'cap', 'puntata', 'ép', 'ep', 'afl', 'f', 'e', 'エピソード', '에피소드', '第', 'الحلقة',
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
