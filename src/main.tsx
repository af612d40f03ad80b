import './core/jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './ui/styles.css';
import { App } from './ui/App';
import { parseHash } from './store/urlState';
import { useView } from './store/viewStore';
import { withDistinctLanes } from './ui/training/runSettings';
import { openingSettings } from './ui/io/recordedRuns';

// The link's settings are in the view store before the first render, so the layout they choose
// (presentation mode, the lanes of the recording a plain link opens) is the first one painted; App reads
// the link again to report its problems and start the run.
const link = parseHash(window.location.hash);
useView.getState().load(openingSettings(withDistinctLanes(link.state), link.given));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
