import { defineContentScript } from 'wxt/utils/define-content-script';
import { badgeUi } from '~/components/badge-view';
import { runSite } from '~/lib/content/run-site';
import { hulu } from '~/lib/sites/hulu';

export default defineContentScript({
  matches: [...hulu.matches],
  // The badge carries its own styles inside its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    runSite(ctx, hulu, badgeUi);
  },
});
