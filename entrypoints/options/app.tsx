/**
 * The options page: every control saves at once through lib/core/settings.ts (no Save button to forget), and the page
 * follows changes made elsewhere (popup, another browser on sync) through watchSettings. The lists it shows come
 * from the registries, so a new rating source or site appears here without touching this file.
 */
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { ImdbImport, type ImdbImportProps } from '../../components/imdb-import';
import { ResetButton } from '../../components/reset-button';
import { SelectField, type SelectOption } from '../../components/select-field';
import { SettingsSection } from '../../components/settings-section';
import { ShortcutField } from '../../components/shortcut-field';
import { SourceList, type SourceListItem } from '../../components/source-list';
import { SwitchField } from '../../components/switch-field';
import { t } from '../../lib/text/i18n';
import { browser } from 'wxt/browser';
import { ratingSource } from '../../lib/core/ratings/sources';
import { scoreText, sourceLabel } from '../../lib/text/score-text';
import { type BadgePosition, type BadgeSize, type Settings, type SpoilerMode, type Theme } from '../../lib/core/settings';
import { loadSettings, resetSettings, saveSettings, watchSettings } from '../../lib/protocol/settings-store';
import { startImport } from '../../lib/pages/imdb/import-client';
import { sendMessage } from '../../lib/protocol/client';
import { sites } from '../../lib/sites/index';
import { errorMessage } from '../../lib/core/guards';

/**
 * The IMDb import, wired to the real worker and background. The worker is bundled by Vite from the URL below (an
 * extension page may start workers from its own origin; no remote code).
 */
const imdbImport: ImdbImportProps = {
  start: (files, onProgress) =>
    startImport(files, onProgress, {
      ask: sendMessage,
      createWorker: () => new Worker(new URL('../../lib/pages/imdb/worker.ts', import.meta.url), { type: 'module' }),
    }),
  loadState: () => sendMessage('imdbImportState', {}),
  remove: () => sendMessage('imdbImportRemove', {}).then(() => undefined),
};

/** A live-region message; `n` changes on every announcement so the same text ("Saved") is read again. */
interface Status {
  text: string;
  n: number;
}

function sourceItems(settings: Settings): SourceListItem[] {
  return settings.ratingSources.map(({ id, enabled }) => {
    const source = ratingSource(id);
    const range = source ? `${scoreText(source, 0, source.scale)}–${scoreText(source, source.scale, source.scale)}` : '';
    return { id, label: source ? sourceLabel(source) : id, range, enabled };
  });
}

/**
 * Mirrors the theme onto <html data-theme>, which style.css keys its colour variables on. A layout effect, so the
 * new colours are in place before the browser paints the re-rendered page (no flash of the old theme).
 */
function useDocumentTheme(theme: Theme | undefined): void {
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme ?? 'system';
  }, [theme]);
}

export function App(): JSX.Element {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>({ text: '', n: 0 });
  useDocumentTheme(settings?.theme);

  useEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => {
      if (live) setSettings(loaded);
    });
    const stop = watchSettings((changed) => setSettings(changed));
    return () => {
      live = false;
      stop();
    };
  }, []);

  const announce = (text: string): void => setStatus((s) => ({ text, n: s.n + 1 }));

  /** Shows the change at once (so focus and layout follow it immediately), then stores it. */
  const update = async (patch: Partial<Settings>, message: string = t('statusSaved')): Promise<void> => {
    setSettings((current) => (current ? { ...current, ...patch } : current));
    try {
      setSettings(await saveSettings(patch));
      announce(message);
    } catch (error) {
      announce(t('statusSaveFailed', [errorMessage(error)]));
    }
  };

  if (!settings) {
    return (
      <main>
        <h1>{t('optionsTitle')}</h1>
        <p>{t('optionsLoading')}</p>
      </main>
    );
  }

  const toggleSource = (id: string, enabled: boolean): void => {
    void update({ ratingSources: settings.ratingSources.map((s) => (s.id === id ? { ...s, enabled } : s)) });
  };
  const moveSource = (id: string, delta: -1 | 1): void => {
    const list = [...settings.ratingSources];
    const from = list.findIndex((s) => s.id === id);
    const to = from + delta;
    const moved = list[from];
    if (!moved || to < 0 || to >= list.length) return;
    list.splice(from, 1);
    list.splice(to, 0, moved);
    const source = ratingSource(moved.id);
    const label = source ? sourceLabel(source) : moved.id;
    void update({ ratingSources: list }, t('statusMoved', [label, String(to + 1), String(list.length)]));
  };

  const positions: SelectOption<BadgePosition>[] = [
    { value: 'top-right', label: t('positionTopRight') },
    { value: 'top-left', label: t('positionTopLeft') },
    { value: 'bottom-right', label: t('positionBottomRight') },
    { value: 'bottom-left', label: t('positionBottomLeft') },
  ];
  const sizes: SelectOption<BadgeSize>[] = [
    { value: 'small', label: t('sizeSmall') },
    { value: 'medium', label: t('sizeMedium') },
    { value: 'large', label: t('sizeLarge') },
  ];
  const spoilerModes: SelectOption<SpoilerMode>[] = [
    { value: 'hidden', label: t('spoilerHidden') },
    { value: 'shown', label: t('spoilerShown') },
  ];
  const themes: SelectOption<Theme>[] = [
    { value: 'system', label: t('themeSystem') },
    { value: 'light', label: t('themeLight') },
    { value: 'dark', label: t('themeDark') },
  ];

  return (
    <main>
      <header>
        <h1>
          <img class="mark" src="/icons/48.png" alt="" />
          {t('optionsTitle')}
        </h1>
        <p class="status" role="status" aria-live="polite" data-testid="save-status">
          {status.text ? <span key={status.n}>{status.text}</span> : null}
        </p>
      </header>

      <SettingsSection id="sources" title={t('sectionSources')} hint={t('sourcesHint')}>
        <SourceList items={sourceItems(settings)} onToggle={toggleSource} onMove={moveSource} />
      </SettingsSection>

      <SettingsSection id="combined" title={t('sectionCombined')}>
        <SwitchField
          id="combined-score"
          testId="combined-score"
          label={t('combinedLabel')}
          help={t('combinedHelp')}
          checked={settings.combinedScore}
          onChange={(combinedScore) => void update({ combinedScore })}
        />
      </SettingsSection>

      <SettingsSection id="badge" title={t('sectionBadge')}>
        <SelectField
          id="badge-position"
          testId="badge-position"
          label={t('badgePosition')}
          value={settings.badge.position}
          options={positions}
          onChange={(position) => void update({ badge: { ...settings.badge, position } })}
        />
        <SelectField
          id="badge-size"
          testId="badge-size"
          label={t('badgeSize')}
          value={settings.badge.size}
          options={sizes}
          onChange={(size) => void update({ badge: { ...settings.badge, size } })}
        />
        <SwitchField
          id="badge-autohide"
          testId="badge-autohide"
          label={t('badgeAutoHide')}
          help={t('badgeAutoHideHelp')}
          checked={settings.badge.autoHide}
          onChange={(autoHide) => void update({ badge: { ...settings.badge, autoHide } })}
        />
        <SwitchField
          id="keep-credits"
          testId="keep-credits"
          label={t('keepCreditsLabel')}
          help={t('keepCreditsHelp')}
          checked={settings.keepCreditsPlaying}
          onChange={(keepCreditsPlaying) => void update({ keepCreditsPlaying })}
        />
      </SettingsSection>

      <SettingsSection id="sites" title={t('sectionSites')} hint={t('sitesHint')}>
        {sites.map((site) => (
          <SwitchField
            key={site.id}
            id={`site-${site.id}`}
            testId={`site-toggle-${site.id}`}
            label={site.name}
            checked={settings.sites[site.id] ?? true}
            onChange={(on) => void update({ sites: { ...settings.sites, [site.id]: on } })}
          />
        ))}
      </SettingsSection>

      <SettingsSection id="spoilers" title={t('sectionSpoilers')}>
        <SelectField
          id="spoiler-mode"
          testId="spoiler-mode"
          label={t('spoilerModeLabel')}
          help={t('spoilerHelp')}
          value={settings.spoilerMode}
          options={spoilerModes}
          onChange={(spoilerMode) => void update({ spoilerMode })}
        />
        <SwitchField
          id="hide-ratings"
          testId="hide-ratings"
          label={t('hideRatingsLabel')}
          checked={settings.hideRatingsUntilReveal}
          onChange={(hideRatingsUntilReveal) => void update({ hideRatingsUntilReveal })}
        />
      </SettingsSection>

      <SettingsSection id="theme" title={t('sectionTheme')}>
        <SelectField
          id="theme-select"
          testId="theme"
          label={t('themeLabel')}
          value={settings.theme}
          options={themes}
          onChange={(theme) => void update({ theme })}
        />
      </SettingsSection>

      <SettingsSection id="shortcut" title={t('sectionShortcut')}>
        <ShortcutField
          id="shortcut-field"
          label={t('shortcutLabel')}
          shortcut={settings.shortcut}
          onChange={(shortcut) => void update({ shortcut })}
          onCancel={() => announce(t('statusShortcutCancelled'))}
          onRejected={() => announce(t('statusShortcutNeedsModifier'))}
        />
      </SettingsSection>

      <SettingsSection id="imdb" title={t('sectionImdb')}>
        <ImdbImport {...imdbImport} />
      </SettingsSection>

      <SettingsSection id="reset" title={t('sectionReset')}>
        <ResetButton
          onReset={() => {
            resetSettings().then(
              (defaults) => {
                setSettings(defaults);
                announce(t('statusReset'));
              },
              (error: unknown) => announce(t('statusSaveFailed', [errorMessage(error)])),
            );
          }}
        />
      </SettingsSection>

      <footer>
        <p class="privacy">
          {t('privacy')}{' '}
          <a href={browser.runtime.getURL('/privacy.html')} target="_blank" rel="noreferrer" data-testid="privacy-link">
            {t('privacyPolicyLink')}
          </a>
        </p>
        <p class="version" data-testid="version">
          {t('optionsVersion', [browser.runtime.getManifest().version])}
        </p>
      </footer>
    </main>
  );
}
