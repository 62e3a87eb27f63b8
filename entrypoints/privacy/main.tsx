import { render } from 'preact';
import { Markdown } from '../../components/markdown';
import '../../components/theme.css';
import './style.css';
// The repository's PRIVACY.md, bundled as text: the page and the store's policy are one document.
import policy from '../../PRIVACY.md?raw';

const root = document.getElementById('app');
if (root) render(<Markdown source={policy} />, root);
