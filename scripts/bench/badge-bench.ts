/**
 * The badge round every badge metric is made of: in a service's movie player, the title on screen changes to another
 * real film and the time until the badge shows that film is taken in the page. Used for badge_ms_p95 (warm worker)
 * and, with the service worker stopped before each round, for cold_answer_ms (scripts/bench/cold-bench.ts).
 */
import { openFixture, siteFixture, type ExtensionSession } from '../../tests/e2e/harness';

export interface BadgeRoundOptions {
  /** Runs before each round, with the player taken out of the page (e.g. stopping the service worker). */
  beforeRound?: () => Promise<void>;
}

/**
 * Title appears -> badge attached, timed in the page, for any service: the player layer holding the badge (the
 * badge's mount's ancestor directly under <body>) is taken out, every trace of the current film's title in the page
 * (text in light and open shadow DOM, title-bearing attributes, the page-world bridge attribute and page objects
 * hung on elements, such as Disney+'s `mediaPlayer`) is renamed to another real film, and the layer is put back; a
 * main-world observer sees the badge land with the new film's id. Every round shows a different film, so each asks
 * the background anew.
 */
export async function badgeTimes(session: ExtensionSession, site: string, rounds: number, options: BadgeRoundOptions = {}): Promise<number[]> {
  const page = await openFixture(session, siteFixture(site, 'player-movie'));
  await page.waitForFunction(() => document.querySelector('credits-cue-badge')?.getAttribute('data-film-id'), undefined, { timeout: 15_000 });
  // Real films with their years: pages that show a year (Prime's detail page under the player) must agree with
  // the title, or nothing matches and the badge would not change between rounds.
  const films: Array<[string, string]> = [
    ['Encanto', '2021'],
    ['Guardians of the Galaxy', '2014'],
    ['Iron Man', '2008'],
    ['The Irishman', '2019'],
    ['Never Let Me Go', '2010'],
    ['Thor: Ragnarok', '2017'],
  ];
  const times: number[] = [];
  let previous: [string, string] = ['Never Let Me Go', '2010'];
  for (let i = 0; i < rounds; i++) {
    const film = films[i % films.length] ?? films[0] ?? previous;
    // (No named helpers in page code: tsx would wrap them in a __name() the page does not have.)
    await page.evaluate(async () => {
      const badge = document.querySelector('credits-cue-badge');
      let layer = badge?.parentElement ?? null;
      while (layer?.parentElement && layer.parentElement !== document.body) layer = layer.parentElement;
      const parent = layer?.parentElement;
      if (!badge || !layer || !parent) throw new Error('no badge in a player layer');
      (globalThis as unknown as { benchLayer: unknown }).benchLayer = { layer, parent, next: layer.nextSibling, before: badge.getAttribute('data-film-id') };
      layer.remove();
      // Let the runtime see the player gone.
      await new Promise((r) => setTimeout(r, 150));
    });
    await options.beforeRound?.();
    times.push(
      await page.evaluate(
        async ([oldTitle, oldYear, title, year]) => {
          const { layer, parent, next, before } = (globalThis as unknown as { benchLayer: { layer: Element; parent: Element; next: Node | null; before: string | null } }).benchLayer;
          const roots: Array<Document | ShadowRoot | Element> = [document, layer];
          const seen = new Set<unknown>();
          while (roots.length > 0) {
            const root = roots.pop() as Document | ShadowRoot | Element;
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              if (n.nodeValue?.includes(oldTitle)) n.nodeValue = n.nodeValue.split(oldTitle).join(title);
              if (n.nodeValue?.trim() === oldYear) n.nodeValue = year;
            }
            for (const el of [root, ...root.querySelectorAll('*')]) {
              if (!(el instanceof Element)) continue;
              if (el.shadowRoot) roots.push(el.shadowRoot);
              for (const a of [...el.attributes]) if (a.value.includes(oldTitle)) el.setAttribute(a.name, a.value.split(oldTitle).join(title));
              // Page objects the service hangs on its elements (Disney+ mediaPlayer): strings renamed in place.
              const stack: unknown[] = Object.keys(el).map((k) => (el as unknown as Record<string, unknown>)[k]);
              while (stack.length > 0) {
                const o = stack.pop();
                if (typeof o !== 'object' || o === null || seen.has(o)) continue;
                seen.add(o);
                for (const k of Object.keys(o)) {
                  const v = (o as Record<string, unknown>)[k];
                  if (typeof v === 'string' && v.includes(oldTitle)) (o as Record<string, unknown>)[k] = v.split(oldTitle).join(title);
                  else stack.push(v);
                }
              }
            }
          }
          return new Promise<number>((resolve, reject) => {
            // A round that never sees the badge is a broken fixture or adapter: fail loudly, never hang the bench.
            const timeout = setTimeout(() => reject(new Error(`no badge for "${title}" after 10 s`)), 10_000);
            const mo = new MutationObserver(() => {
              const now = document.querySelector('credits-cue-badge');
              if (now && layer.contains(now) && now.getAttribute('data-film-id') !== before) {
                mo.disconnect();
                clearTimeout(timeout);
                resolve(performance.now() - t0);
              }
            });
            mo.observe(document, { childList: true, subtree: true, attributes: true });
            const t0 = performance.now();
            parent.insertBefore(layer, next);
          });
        },
        [previous[0], previous[1], film[0], film[1]] as const,
      ),
    );
    previous = film;
  }
  await page.close();
  return times;
}

