import { render } from 'preact';
import { Popup } from './popup';
import '../../components/theme.css';
import './style.css';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
