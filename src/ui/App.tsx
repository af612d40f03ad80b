/** The page: header with the backend, any notices, the training area, the play panel and the EMPG calculator. */
import { useEffect } from 'react';
import { parseHash } from '../store/urlState';
import { useRun } from '../store/runStore';
import { useRuntime } from '../store/runtimeStore';
import { connectWorker } from '../store/workerLink';
import { startWorker } from '../worker/client';
import { Header } from './Header';
import { NoticeBanner } from './NoticeBanner';
import { TrainingView } from './training/TrainingView';
import { EmpgCalculator } from './calculator/EmpgCalculator';
import { PlayPanel } from './play/PlayPanel';

/** Reads the URL, starts the worker once, and lays out the page. */
export function App() {
  useEffect(() => {
    const { state, problems } = parseHash(window.location.hash);
    const runtime = useRuntime.getState();
    for (const problem of problems) runtime.notify('warning', problem);
    const worker = startWorker((message) => {
      useRuntime.getState().receive(message);
      useRun.getState().receive(message);
    });
    // The backend comes first; messages components queued before the worker existed follow.
    worker.send({ type: 'init', backend: state.backend, baseUrl: document.baseURI });
    connectWorker(worker);
    return () => {
      connectWorker(null);
      worker.terminate();
    };
  }, []);

  return (
    <div className="page">
      <Header />
      <NoticeBanner />
      <main>
        <TrainingView />
        <PlayPanel />
        <EmpgCalculator />
      </main>
      <footer className="footer">
        EMPG: Wang et al., <em>Harnessing Uncertainty: Entropy-Modulated Policy Gradients for Long-Horizon LLM Agents</em>,
        arXiv 2509.09265. Everything on this page runs in your browser.
      </footer>
    </div>
  );
}
