/**
 * The badge's host element: `<credits-cue-badge>` with an open shadow root holding the badge styles and markup.
 *
 * Hand-made rather than WXT's createShadowRootUi: that helper fetches its CSS on every creation and its
 * `:host{all:initial !important}` reset overrides the host's positioning, while the badge must move between
 * containers (player, detail page, the fullscreen element) at once and without flicker.
 */
export const HOST_TAG = 'credits-cue-badge';

export interface BadgeHost {
  readonly host: HTMLElement;
  /** Where Preact renders. */
  readonly root: HTMLElement;
  /** Appends the host to `container` (a no-op when it is already there: moving it would re-trigger observers). */
  attach(container: Element): void;
  detach(): void;
  /** Sets or clears the host's data-* test hooks and state attributes. */
  setData(data: Record<string, string | null>): void;
}

/** Keys typed inside the badge must not reach the player (space would pause, "f" go fullscreen). */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export function createBadgeHost(doc: Document, css: string): BadgeHost {
  const host = doc.createElement(HOST_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const root = doc.createElement('div');
  shadow.append(style, root);
  for (const type of ISOLATED_EVENTS) root.addEventListener(type, (event) => event.stopPropagation());

  return {
    host,
    root,
    attach(container) {
      if (host.parentElement !== container) container.append(host);
    },
    detach() {
      host.remove();
    },
    setData(data) {
      for (const [name, value] of Object.entries(data)) {
        if (value === null) host.removeAttribute(`data-${name}`);
        else if (host.getAttribute(`data-${name}`) !== value) host.setAttribute(`data-${name}`, value);
      }
    },
  };
}
