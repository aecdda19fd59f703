// The sandbox page's entry (index.html loads it).
import './ui/styles.css';
import { startApp } from './ui/app';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
startApp(root);
