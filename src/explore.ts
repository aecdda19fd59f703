// The student explorer's entry (explore.html loads it).
import './ui/styles.css';
import './ui/explorer/explorer.css';
import { startExplorer } from './ui/explorer/app';

const root = document.getElementById('explorer');
if (!root) throw new Error('explore.html has no #explorer element');
startExplorer(root);
