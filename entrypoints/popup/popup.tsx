import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FilmCard } from '../../components/film-card';
import { SeedProgress } from '../../components/seed-progress';
import type { Film, RatingSourceId } from '../../lib/core/schema';
import { formatDate, formatNumber, t } from '../../lib/text/i18n';
import type { SeedStatus, TabFilm } from '../../lib/protocol/messages';
import { askTab, sendMessage } from '../../lib/protocol/client';
import { combinedScore } from '../../lib/core/ratings/aggregate';
import { RATING_SOURCES } from '../../lib/core/ratings/sources';
import type { SearchHit } from '../../lib/core/search/search-index';
import { DEFAULT_SETTINGS, enabledSources, type Settings } from '../../lib/core/settings';
import { loadSettings, saveSettings, watchSettings } from '../../lib/protocol/settings-store';
import { sites } from '../../lib/sites/index';

/** Polls the seed status until the data is ready (the background keeps no page connections). */
function useSeedStatus(): SeedStatus | undefined {
  const [status, setStatus] = useState<SeedStatus>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      const next = await sendMessage('getStatus', {}).catch((error: unknown) => ({
        state: 'error' as const,
        done: 0,
        total: 0,
        error: String(error),
      }));
      setStatus(next);
      if (next.state !== 'ready') timer = setTimeout(() => void poll(), 250);
    };
    void poll();
    return () => clearTimeout(timer);
  }, []);
  return status;
}

function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);
  return settings;
}

/**
 * The tab the popup belongs to: the active tab of the window, or `?tab=<id>` when the popup page is opened in a
 * tab of its own (keyboard users, tests).
 */
async function currentTabId(): Promise<number | undefined> {
  const param = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(param) && param >= 0 && new URLSearchParams(location.search).has('tab')) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The tab's detected film, asked of the tab's own content script (none there: nothing), for the popup's top. */
function useTabFilm(ready: boolean): { report: TabFilm | null; film: Film | null } {
  const [state, setState] = useState<{ report: TabFilm | null; film: Film | null }>({ report: null, film: null });
  useEffect(() => {
    if (!ready) return;
    void (async () => {
      const tabId = await currentTabId();
      if (tabId === undefined) return;
      const report = await askTab(tabId, 'tabFilm').catch(() => null);
      const film = report?.filmId ? await sendMessage('getFilm', { id: report.filmId }).catch(() => null) : null;
      setState({ report, film });
    })();
  }, [ready]);
  return state;
}

/** Every source the film data knows, the viewer's enabled ones first in their order. */
function sourceOrder(settings: Settings): RatingSourceId[] {
  const enabled = enabledSources(settings);
  return [...enabled, ...RATING_SOURCES.map((s) => s.id).filter((id) => !enabled.includes(id))];
}

function Results(props: {
  hits: SearchHit[];
  active: number;
  onOpen(id: string): void;
  onHover(index: number): void;
}): JSX.Element {
  return (
    <ul class="results" id="search-results" role="listbox" aria-label={t('popupSearchLabel')}>
      {props.hits.map((hit, i) => (
        <li
          key={hit.id}
          id={`result-${i}`}
          role="option"
          aria-selected={i === props.active}
          class={i === props.active ? 'result active' : 'result'}
          data-testid="search-result"
          data-film-id={hit.id}
          onClick={() => props.onOpen(hit.id)}
          onMouseEnter={() => props.onHover(i)}
        >
          <span class="result-title">
            {hit.title}
            {hit.year ? <span class="year"> ({hit.year})</span> : null}
          </span>
          {hit.matched !== hit.title ? <span class="matched">“{hit.matched}”</span> : null}
          <span class={`pill state-${hit.credits}`}>{hit.credits}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Copy page report" (issue #13): asks the current tab's content script for its short, private page report
 * (lib/content/page-report.ts) and puts it on the clipboard, for a bug report. Nothing is sent anywhere; the text
 * is shown folded below so the viewer sees exactly what they would share.
 */
function PageReport(): JSX.Element {
  const [state, setState] = useState<{ text?: string; copied?: boolean; none?: boolean }>({});
  const copy = async (): Promise<void> => {
    const tabId = await currentTabId();
    const text = tabId === undefined ? undefined : await askTab(tabId, 'pageReport').catch(() => undefined);
    if (text === undefined) {
      setState({ none: true });
      return;
    }
    const copied = await navigator.clipboard.writeText(text).then(
      () => true,
      () => false,
    );
    setState({ text, copied });
  };
  return (
    <section class="page-report">
      <button type="button" class="link" onClick={() => void copy()} data-testid="page-report">
        {t('popupPageReport')}
      </button>
      {state.none ? (
        <p class="muted" role="status" data-testid="page-report-none">
          {t('popupPageReportNone')}
        </p>
      ) : null}
      {state.text !== undefined ? (
        <>
          <p class="muted" role="status" data-testid="page-report-status" data-copied={String(state.copied)}>
            {state.copied ? t('popupPageReportCopied') : t('popupPageReportSelect')}
          </p>
          <details open={!state.copied}>
            <summary>{t('popupPageReportPreview')}</summary>
            <pre data-testid="page-report-text">{state.text}</pre>
          </details>
        </>
      ) : null}
    </section>
  );
}

export function Popup(): JSX.Element {
  const status = useSeedStatus();
  const settings = useSettings();
  const ready = status?.state === 'ready';
  const tab = useTabFilm(ready);
  const [query, setQuery] = useState(() => new URLSearchParams(location.search).get('q') ?? '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [film, setFilm] = useState<Film | null>(null);
  const [showNotes, setShowNotes] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const [means, setMeans] = useState<Partial<Record<RatingSourceId, number>>>({});
  const asked = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => setShowNotes(settings.spoilerMode === 'shown'), [settings.spoilerMode]);
  useEffect(() => {
    if (ready && settings.combinedScore) void sendMessage('getDatasetInfo', {}).then((info) => setMeans(info?.ratingMeans ?? {}));
  }, [ready, settings.combinedScore]);

  // Search as you type; only the answer to the latest keystroke is shown.
  useEffect(() => {
    if (!ready) return;
    const ticket = ++asked.current;
    if (!query.trim()) {
      setHits([]);
      return;
    }
    void sendMessage('searchFilms', { query: query.slice(0, 200), limit: 20 })
      .then((next) => {
        if (ticket !== asked.current) return;
        setHits(next);
        setActive(0);
      })
      .catch(() => undefined);
  }, [query, ready]);

  const open = async (id: string): Promise<void> => {
    const next = await sendMessage('getFilm', { id }).catch(() => null);
    setRevealed(false);
    setFilm(next);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((a) => (a + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((a) => (a - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter' && hits[active]) {
      event.preventDefault();
      void open(hits[active].id);
    } else if (event.key === 'Escape') {
      if (film) setFilm(null);
      else if (query) setQuery('');
      else return;
      event.preventDefault();
    }
  };

  const order = sourceOrder(settings);
  const card = (f: Film, label?: string): JSX.Element => (
    <FilmCard
      film={f}
      label={label}
      sourceOrder={order}
      combined={settings.combinedScore ? combinedScore(f.ratings, means, enabledSources(settings)) : null}
      showNotes={showNotes}
      ratingsHidden={settings.hideRatingsUntilReveal && !revealed}
      onToggleNotes={() => setShowNotes((v) => !v)}
      onRevealRatings={() => setRevealed(true)}
    />
  );
  const site = sites.find((s) => s.id === tab.report?.siteId);

  return (
    <main>
      <header>
        <h1>
          <img class="mark" src="/icons/32.png" alt="" />
          {t('extName')}
        </h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('popupSettings')}
        </a>
      </header>
      {!ready ? <SeedProgress status={status} /> : null}
      {site ? (
        <label class="site-switch">
          <input
            type="checkbox"
            data-testid="site-switch"
            checked={settings.sites[site.id] !== false}
            onChange={(e) => void saveSettings({ sites: { ...settings.sites, [site.id]: e.currentTarget.checked } })}
          />
          {t('popupSiteSwitch', [site.name])}
        </label>
      ) : null}
      {tab.film && !film && !query ? card(tab.film, t('popupOnThisTab')) : null}
      <label class="search-label" for="search">
        {t('popupSearchLabel')}
      </label>
      <input
        id="search"
        ref={input}
        type="search"
        data-testid="search-input"
        placeholder={t('popupSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        aria-controls="search-results"
        aria-activedescendant={hits.length > 0 && !film ? `result-${active}` : undefined}
        value={query}
        disabled={!ready}
        onInput={(e) => {
          setFilm(null);
          setQuery(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
      />
      {film ? (
        <>
          <button type="button" class="link back" onClick={() => setFilm(null)}>
            ← {t('popupBack')}
          </button>
          {card(film)}
        </>
      ) : query.trim() && ready ? (
        hits.length > 0 ? (
          <Results hits={hits} active={active} onOpen={(id) => void open(id)} onHover={setActive} />
        ) : (
          <p class="muted" role="status">
            {t('popupNoResults', [query])}
          </p>
        )
      ) : null}
      <PageReport />
      {ready && status?.dataAsOf ? (
        <footer class="muted" data-testid="data-as-of">
          {t('popupDataAsOf', [formatDate(status.dataAsOf), formatNumber(status.films ?? 0)])}
        </footer>
      ) : null}
    </main>
  );
}
