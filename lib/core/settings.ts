/**
 * The one settings module: the badge, the popup and the options page all read settings through here, so there is
 * one shape, one set of defaults and one place that knows how old saved data is upgraded.
 *
 * Storage (lib/protocol/settings-store.ts): one object under `SETTINGS_KEY` in `browser.storage.sync` (follows the viewer across browsers; a few
 * hundred bytes, far under sync's 8 KB per-item quota). The object carries a `version`; older objects are walked up
 * the `migrations` ladder, then every field is validated on its own, so one bad value never costs the viewer their
 * other choices.
 *
 * Defaults come from the rating-source registry (lib/core/ratings/sources.ts): adding a source changes neither this file nor
 * the options page. Sites need no registry here at all: a site without a saved switch is on. That keeps this module,
 * which every content script imports, free of the site adapters, so each content script bundles only its own
 * adapter (content_script_gzip_bytes).
 */
import * as v from 'valibot';
import type { RatingSourceId } from './schema';
import { DEFAULT_SOURCES, RATING_SOURCES } from './ratings/sources';
import { isRecord, plainObject } from './guards';

/** storage.sync key of the settings object. */
export const SETTINGS_KEY = 'settings';

/**
 * Version of the saved shape. Bump it together with a new `migrations` entry whenever a field is renamed, removed or
 * changes meaning; a merely *added* field needs no bump (validation fills it from the defaults).
 */
export const SETTINGS_VERSION = 3;

export const BADGE_POSITIONS = ['top-right', 'top-left', 'bottom-right', 'bottom-left'] as const;
export const BADGE_SIZES = ['small', 'medium', 'large'] as const;
export const SPOILER_MODES = ['hidden', 'shown'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export type BadgePosition = (typeof BADGE_POSITIONS)[number];
export type BadgeSize = (typeof BADGE_SIZES)[number];
export type SpoilerMode = (typeof SPOILER_MODES)[number];
export type Theme = (typeof THEMES)[number];

/** A source id as stored: checked against the fallback's sources by `mergeSources`, as the registry is a parameter. */
const SourceId = v.custom<RatingSourceId>((id) => typeof id === 'string');

const SourceSettingSchema = plainObject({
  id: SourceId,
  /** Shown in the badge. Default: true for DEFAULT_SOURCES, false for every other source. */
  enabled: v.boolean(),
});
export type SourceSetting = v.InferOutput<typeof SourceSettingSchema>;

const BADGE_FIELDS = {
  /** Corner of the player the badge sits in. Default 'top-right' (clear of the bottom controls and subtitles). */
  position: v.picklist(BADGE_POSITIONS),
  /** Default 'medium'. */
  size: v.picklist(BADGE_SIZES),
  /** Fade the badge while the film plays and the mouse is still. Default true. */
  autoHide: v.boolean(),
};
const BadgeSchema = plainObject(BADGE_FIELDS);
export type BadgeSettings = v.InferOutput<typeof BadgeSchema>;

const ShortcutShape = plainObject({ key: v.string(), alt: v.boolean(), shift: v.boolean(), ctrl: v.boolean(), meta: v.boolean() });
/** A key combination. `key` is a `KeyboardEvent.code` (layout-independent: 'KeyC' is the same key on AZERTY). */
export type Shortcut = v.InferOutput<typeof ShortcutShape>;

/** A site id: kebab-case, as lib/sites names its files. */
const SITE_ID = /^[a-z0-9]{1,20}(?:-[a-z0-9]{1,20}){0,3}$/;

/**
 * The settings' fields and what each may hold: the Settings type is read from here, and `settingsSchema` makes each
 * field recover on its own by these rules. The source list and the badge are the exceptions it reads entry by entry,
 * so for those two this is only their shape.
 */
const SettingsShape = v.object({
  /** Every registry source exactly once, in the viewer's order. */
  ratingSources: v.array(SourceSettingSchema),
  /** Show the combined 0–100 score (lib/core/ratings/aggregate.ts). Default false: users ask for it but also call it clutter. */
  combinedScore: v.boolean(),
  badge: BadgeSchema,
  /**
   * Site id (lib/sites) → whether the badge runs there. Only the viewer's switches are stored: a site with no entry
   * is on (`isSiteEnabled`), so a new site starts on without any change here. Default {}.
   */
  sites: v.pipe(v.custom<Record<string, unknown>>(isRecord), v.transform(siteSwitches)),
  /** Scene notes ("what happens in the stinger") are spoilers. Default 'hidden': shown only on request. */
  spoilerMode: v.picklist(SPOILER_MODES),
  /** Ratings stay covered until the viewer reveals them (for those who don't want a number before watching). Default false. */
  hideRatingsUntilReveal: v.boolean(),
  /** Colour scheme of the extension's own pages. Default 'system'. */
  theme: v.picklist(THEMES),
  /** Shows or hides the badge on streaming pages. Default Alt+Shift+C. */
  shortcut: v.pipe(ShortcutShape, v.check(isUsableShortcut)),
  /**
   * When the credits start and a scene is still to come, choose the service's own "watch credits" so autoplay does not
   * skip to the next title. Default false: it clicks in the viewer's player, so the viewer opts in.
   */
  keepCreditsPlaying: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsShape>;

/** The settings object as stored: the settings plus the version they were written at. */
export type StoredSettings = Settings & { version: number };

/** What the defaults are derived from; a parameter so tests can prove a new source shows up on its own. */
export interface SettingsRegistry {
  /** Every rating source, in registry order. */
  sourceIds: readonly RatingSourceId[];
  /** Sources enabled out of the box, in their default order. */
  defaultSources: readonly RatingSourceId[];
}

export const REGISTRY: SettingsRegistry = {
  sourceIds: RATING_SOURCES.map((s) => s.id),
  defaultSources: DEFAULT_SOURCES,
};

/** Alt+Shift+C: Alt+Shift because few players bind it, and C for "credits". */
export const DEFAULT_SHORTCUT: Readonly<Shortcut> = Object.freeze({ key: 'KeyC', alt: true, shift: true, ctrl: false, meta: false });

/** Fixed defaults for the fields that do not depend on a registry (also what the v2 → v3 step writes). */
const FIXED_DEFAULTS = {
  combinedScore: false,
  badge: { position: 'top-right', size: 'medium', autoHide: true } satisfies BadgeSettings,
  spoilerMode: 'hidden' satisfies SpoilerMode,
  hideRatingsUntilReveal: false,
  theme: 'system' satisfies Theme,
  keepCreditsPlaying: false,
} as const;

/** The fields version 3 added, at their defaults (fresh copies): what the v2 → v3 step writes, and part of every default. */
function addedAtV3(): Pick<Settings, 'badge' | 'sites' | 'spoilerMode' | 'hideRatingsUntilReveal' | 'theme' | 'shortcut'> {
  return {
    badge: { ...FIXED_DEFAULTS.badge },
    sites: {},
    spoilerMode: FIXED_DEFAULTS.spoilerMode,
    hideRatingsUntilReveal: FIXED_DEFAULTS.hideRatingsUntilReveal,
    theme: FIXED_DEFAULTS.theme,
    shortcut: { ...DEFAULT_SHORTCUT },
  };
}

/**
 * Defaults for a registry: the default sources first in their own order, then every other source, disabled, in
 * registry order; every site on (no site switch stored).
 */
export function defaultSettings(registry: SettingsRegistry = REGISTRY): Settings {
  const known = new Set(registry.sourceIds);
  const first = registry.defaultSources.filter((id) => known.has(id));
  const rest = registry.sourceIds.filter((id) => !first.includes(id));
  return {
    ratingSources: [...first.map((id) => ({ id, enabled: true })), ...rest.map((id) => ({ id, enabled: false }))],
    combinedScore: FIXED_DEFAULTS.combinedScore,
    ...addedAtV3(),
    keepCreditsPlaying: FIXED_DEFAULTS.keepCreditsPlaying,
  };
}

/** Defaults for the shipped registries. Frozen: take a copy (`defaultSettings()`) to change anything. */
export const DEFAULT_SETTINGS: Readonly<Settings> = deepFreeze(defaultSettings());

// ---------------------------------------------------------------------------------------------------------------
// Migrations

/** A saved object of some version, as read back: nothing in it is trusted until `normalizeSettings`. */
export type RawSettings = Record<string, unknown>;
/** One pure step: the object at version N-1 in, the object at version N out (never touches storage). */
export type Migration = (old: RawSettings) => RawSettings;

/**
 * The rating sources version 1 knew. Frozen here rather than read from the registry so the v1 → v2 step stays a pure
 * function of its input: in v1 "listed" meant shown and "not listed" meant hidden, and only for sources v1 offered.
 * A source added after v1 is left out, and validation then treats it as new (on only if in DEFAULT_SOURCES).
 */
const V1_SOURCE_IDS: readonly string[] = ['imdb', 'rt-critics', 'rt-audience', 'metacritic', 'metacritic-user', 'tmdb', 'fandango', 'mediastinger'];

/**
 * The upgrade ladder, keyed by the version each step produces (the storage.defineItem convention):
 * - 2: v1 `{ sources: id[], combined }` (the ids shown, in order) → `{ ratingSources: {id, enabled}[], combinedScore }`;
 *   v1 sources the viewer did not list are kept, switched off, so hiding a default source survives the upgrade.
 * - 3: adds badge, sites, spoilerMode, hideRatingsUntilReveal, theme and shortcut at their defaults (sites stays empty:
 *   every site on).
 * `keepCreditsPlaying` was added later without a step: an added field is filled from the defaults by validation.
 */
export const migrations: Readonly<Record<number, Migration>> = {
  2: (old) => {
    const { sources, combined, ...rest } = old;
    const listed = Array.isArray(sources) ? sources.filter((id): id is string => typeof id === 'string') : [];
    const shown = [...new Set(listed)];
    const hidden = V1_SOURCE_IDS.filter((id) => !shown.includes(id));
    return {
      ...rest,
      version: 2,
      ratingSources: [...shown.map((id) => ({ id, enabled: true })), ...hidden.map((id) => ({ id, enabled: false }))],
      combinedScore: combined,
    };
  },
  3: (old) => ({ ...old, version: 3, ...addedAtV3() }),
};

/**
 * Walks a stored object up to SETTINGS_VERSION. An object without a usable version is taken as current (validation
 * keeps what it can); an object from a *newer* build (synced from another browser) is not downgraded: its known
 * fields are read as they are and the unknown ones ignored.
 */
export function migrateSettings(raw: unknown): RawSettings {
  if (!isRecord(raw)) return {};
  const from = raw.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return raw;
  let value = raw;
  for (let version = from + 1; version <= SETTINGS_VERSION; version++) {
    const step = migrations[version];
    if (step) value = step(value);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

/** A KeyboardEvent.code: letters and digits, starting with a capital ('KeyC', 'Digit4', 'F5', 'Slash'). */
const KEY_CODE = /^[A-Z][A-Za-z0-9]{0,30}$/;
/** Keys that only modify: never a shortcut's main key. */
const MODIFIER_CODES = /^(Shift|Control|Alt|Meta|OS|AltGraph|CapsLock|Fn)(Left|Right)?$/;
const FUNCTION_KEY = /^F([1-9]|1[0-9]|2[0-4])$/;

/**
 * Whether a combination can work as the badge shortcut: a real key plus Ctrl, Alt or Meta (or a function key
 * alone). A bare letter, or Shift+letter, would fire while the viewer types and would steal the player's own keys.
 */
export function isUsableShortcut(shortcut: Shortcut): boolean {
  if (!KEY_CODE.test(shortcut.key) || MODIFIER_CODES.test(shortcut.key)) return false;
  return shortcut.alt || shortcut.ctrl || shortcut.meta || FUNCTION_KEY.test(shortcut.key);
}

/**
 * A fallback value handed out as the caller's own, since the fallback may be frozen (DEFAULT_SETTINGS) or still in
 * use. A settings value is at most a list of flat objects.
 */
function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copy(item)) as T;
  return isRecord(value) ? ({ ...value } as T) : value;
}

type Recovering<E extends v.ObjectEntries> = { [K in keyof E]: v.SchemaWithFallback<E[K], () => v.InferOutput<E[K]>> };

/**
 * `entries`, each made to recover on its own (valibot's `fallback` per field): an invalid or missing value becomes
 * (a copy of) `fallback`'s value for that field, and never costs another field its value.
 */
function recoverEach<const E extends v.ObjectEntries>(entries: E, fallback: { readonly [K in keyof E]: v.InferOutput<E[K]> }): Recovering<E> {
  const out: Partial<Record<keyof E, v.GenericSchema>> = {};
  for (const key of Object.keys(entries) as Array<keyof E>) out[key] = v.fallback(entries[key], () => copy(fallback[key]));
  return out as Recovering<E>;
}

/** A stored source entry worth reading: an object with a string id. A bad `enabled` falls back on its own. */
const StoredSource = plainObject({ id: SourceId, enabled: v.fallback(v.optional(v.boolean()), undefined) });

/**
 * The viewer's source order with every registry source exactly once: unknown ids and repeats are dropped, a bad
 * `enabled` takes the fallback's value for that source, and registry sources missing from the list are appended in
 * the fallback's order with the fallback's `enabled` (for the defaults: on only if in DEFAULT_SOURCES).
 */
function mergeSources(items: readonly unknown[], fallback: readonly SourceSetting[]): SourceSetting[] {
  const byId = new Map(fallback.map((s) => [s.id, s]));
  const out: SourceSetting[] = [];
  const seen = new Set<RatingSourceId>();
  for (const item of items) {
    const stored = v.safeParse(StoredSource, item);
    const known = stored.success ? byId.get(stored.output.id) : undefined;
    if (!stored.success || !known || seen.has(known.id)) continue;
    seen.add(known.id);
    out.push({ id: known.id, enabled: stored.output.enabled ?? known.enabled });
  }
  for (const s of fallback) if (!seen.has(s.id)) out.push({ ...s });
  return out;
}

/** Far more than there will ever be sites; bounds what a corrupt or hostile stored object can cost. */
const MAX_SITE_SWITCHES = 64;

/**
 * The viewer's site switches: well-formed ids with a boolean; a malformed entry is dropped on its own (valibot's
 * `record` would refuse them all). An id this build has no adapter for is kept: it is inert, and the choice survives
 * a build that brings the site back.
 */
function siteSwitches(value: Record<string, unknown>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [id, on] of Object.entries(value).slice(0, MAX_SITE_SWITCHES)) {
    if (SITE_ID.test(id) && typeof on === 'boolean') out[id] = on;
  }
  return out;
}

/**
 * Settings read against a fallback, field by field: each valid field is kept, each missing or invalid one takes the
 * fallback's value. The badge recovers field by field too; the shortcut is one choice, kept or replaced whole (never
 * half of it mixed with the fallback's other half); the source list and the site switches are merged into the
 * fallback's, so one bad entry costs only itself.
 */
function settingsSchema(fallback: Readonly<Settings>) {
  return v.object({
    ...recoverEach(SettingsShape.entries, fallback),
    ratingSources: v.fallback(
      v.pipe(v.array(v.unknown()), v.transform((items) => mergeSources(items, fallback.ratingSources))),
      () => copy(fallback.ratingSources),
    ),
    badge: v.fallback(plainObject(recoverEach(BADGE_FIELDS, fallback.badge)), () => copy(fallback.badge)),
    sites: v.fallback(
      v.pipe(SettingsShape.entries.sites, v.transform((own) => ({ ...fallback.sites, ...own }))),
      () => copy(fallback.sites),
    ),
  });
}

/**
 * Settings from any object at the current version, field by field (`settingsSchema`): the fallback is the defaults
 * when loading, the current settings when saving a patch; fields this build does not know are ignored.
 */
export function normalizeSettings(raw: unknown, fallback: Readonly<Settings> = DEFAULT_SETTINGS): Settings {
  // Every field has a fallback, so this parse cannot fail.
  return v.parse(settingsSchema(fallback), isRecord(raw) ? raw : {});
}

/** A stored value (any version, or nothing) → current, valid settings. */
export function parseSettings(raw: unknown): Settings {
  return normalizeSettings(migrateSettings(raw));
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers for readers

/** The enabled sources in the viewer's order: what the badge shows. */
export function enabledSources(settings: Pick<Settings, 'ratingSources'>): RatingSourceId[] {
  return settings.ratingSources.filter((s) => s.enabled).map((s) => s.id);
}

/** Whether the badge runs on a site; a site the settings do not know yet (new in the registry) is on. */
export function isSiteEnabled(settings: Pick<Settings, 'sites'>, siteId: string): boolean {
  return settings.sites[siteId] ?? true;
}

/** The modifier and key state of a keyboard event: exactly what `matchesShortcut` compares. */
export type ShortcutEvent = Pick<KeyboardEvent, 'code' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>;

/** Exact match: the same key and exactly the same modifiers (Ctrl+Alt+Shift+C is not Alt+Shift+C). */
export function matchesShortcut(event: ShortcutEvent, shortcut: Shortcut): boolean {
  return (
    event.code === shortcut.key &&
    event.altKey === shortcut.alt &&
    event.shiftKey === shortcut.shift &&
    event.ctrlKey === shortcut.ctrl &&
    event.metaKey === shortcut.meta
  );
}

/** The combination a keydown describes, or null while only modifiers are held (the viewer is still pressing). */
export function shortcutFromEvent(event: ShortcutEvent): Shortcut | null {
  if (!KEY_CODE.test(event.code) || MODIFIER_CODES.test(event.code)) return null;
  return { key: event.code, alt: event.altKey, shift: event.shiftKey, ctrl: event.ctrlKey, meta: event.metaKey };
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Backquote: '`',
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  Comma: ',',
  Period: '.',
  Slash: '/',
};

/** The printable name of a KeyboardEvent.code: 'KeyC' → 'C', 'Digit4' → '4', 'Numpad4' → 'Num 4', 'F5' → 'F5'. */
function keyName(code: string): string {
  const named = KEY_NAMES[code];
  if (named) return named;
  const match = /^(Key|Digit)(.)$/.exec(code) ?? /^(Numpad)(.+)$/.exec(code);
  if (!match) return code;
  return match[1] === 'Numpad' ? `Num ${match[2] ?? ''}` : (match[2] ?? code);
}

/** "Alt+Shift+C": modifiers in the order the platforms print them (Ctrl, Alt, Shift, Meta), then the key. */
export function formatShortcut(shortcut: Shortcut): string {
  const parts: string[] = [];
  if (shortcut.ctrl) parts.push('Ctrl');
  if (shortcut.alt) parts.push('Alt');
  if (shortcut.shift) parts.push('Shift');
  if (shortcut.meta) parts.push('Meta');
  parts.push(keyName(shortcut.key));
  return parts.join('+');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
