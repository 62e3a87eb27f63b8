import { defineContentScript } from 'wxt/utils/define-content-script';
import { badgeUi } from '~/components/badge-view';
import { runSite } from '~/lib/content/run-site';
import { disneyPlus } from '~/lib/sites/disney-plus';

export default defineContentScript({
  matches: [...disneyPlus.matches],
  // The badge carries its own styles inside its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    runSite(ctx, disneyPlus, badgeUi);
  },
});
