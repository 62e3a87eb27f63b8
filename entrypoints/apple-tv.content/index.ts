import { defineContentScript } from 'wxt/utils/define-content-script';
import { badgeUi } from '~/components/badge-view';
import { runSite } from '~/lib/content/run-site';
import { appleTv } from '~/lib/sites/apple-tv';

export default defineContentScript({
  matches: [...appleTv.matches],
  // The badge carries its own styles inside its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    runSite(ctx, appleTv, badgeUi);
  },
});
