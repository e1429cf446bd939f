import './styles.css';
import '../ui/pages.css';
import { startConsole } from './console-app';

const root = document.getElementById('app');
if (root) void startConsole(root);
