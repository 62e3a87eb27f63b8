import { render } from 'preact';
import { t } from '../../lib/text/i18n';
import { App } from './app';
import '../../components/theme.css';
import './style.css';

// The page's language and title follow the translation actually shown, not the browser's UI language.
document.documentElement.lang = t('htmlLang');
document.title = t('optionsTitle');

const root = document.getElementById('app');
if (root) render(<App />, root);
