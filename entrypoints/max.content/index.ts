import { defineContentScript } from 'wxt/utils/define-content-script';
import { badgeUi } from '~/components/badge-view';
import { runSite } from '~/lib/content/run-site';
import { max } from '~/lib/sites/max';

export default defineContentScript({
  matches: [...max.matches],
  // The badge carries its own styles inside its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    runSite(ctx, max, badgeUi);
  },
});
