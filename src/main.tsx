import './core/jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './ui/styles.css';
import { App } from './ui/App';
import { parseHash } from './store/urlState';
import { useView } from './store/viewStore';
import { withDistinctLanes } from './ui/training/runSettings';

// The link's settings are in the view store before the first render, so the layout they choose
// (presentation mode, for one) is the first one painted; App reads the link again to report its problems
// and start the run.
useView.getState().load(withDistinctLanes(parseHash(window.location.hash).state));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
