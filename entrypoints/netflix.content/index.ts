import { defineContentScript } from 'wxt/utils/define-content-script';
import css from '~/components/badge.css?inline';
import { runSite } from '~/lib/content/run-site';
import { netflix } from '~/lib/sites/netflix';

export default defineContentScript({
  matches: [...netflix.matches],
  // The badge carries its own styles inside its shadow root.
  cssInjectionMode: 'manual',
  main(ctx) {
    runSite(ctx, netflix, css);
  },
});
