import { defineContentScript } from 'wxt/utils/define-content-script';
import { badgeUi } from '~/components/badge-view';
import { runSite } from '~/lib/content/run-site';
import { paramountPlus } from '~/lib/sites/paramount-plus';

export default defineContentScript({
  matches: [...paramountPlus.matches],
  // The badge carries its own styles inside its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    runSite(ctx, paramountPlus, badgeUi);
  },
});
