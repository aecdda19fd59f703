// The glossary page's entry (glossary.html loads it).
import './ui/styles.css';
import { startGlossary } from './ui/glossary/page';

const root = document.getElementById('app');
if (!root) throw new Error('glossary.html has no #app element');
startGlossary(root);
