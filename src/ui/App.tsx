/**
 * The page: header with the backend, any notices, the training area, the play panel and the EMPG
 * calculator. At start-up it reads the view from the URL hash, starts the worker with that run, and
 * shows the environment's precomputed run until the user trains live.
 */
import { useEffect } from 'react';
import { backendFor, isPhoneLike } from '../store/deviceDefaults';
import { drawReceipts } from '../store/drawReceipts';
import { frameBatch } from '../store/frameBatch';
import { parseHash } from '../store/urlState';
import { useProgress } from '../store/progressStore';
import { useRuntime } from '../store/runtimeStore';
import { useSavedRun } from '../store/savedRunStore';
import { useView } from '../store/viewStore';
import { connectWorker } from '../store/workerLink';
import { startWorker } from '../worker/client';
import { installTestHooks } from '../worker/testHooks';
import type { FromWorker } from '../worker/protocol';
import { DeferredRunProvider } from './deferredRun';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';
import { NoticeBanner } from './NoticeBanner';
import { ResumeOffer } from './ResumeOffer';
import { offerSavedRun } from './io/savedRunOffer';
import { TrainingView } from './training/TrainingView';
import { applySettings, startRun, withDistinctLanes } from './training/runSettings';
import { answerFromRecording, fetchPrecomputed, receiveRunMessages, showPrecomputed } from './io/recordingMode';
import { linkSetsRun, settingsOfRecording } from './io/recordingSettings';
import { openingSettings } from './io/recordedRuns';
import { EmpgCalculator } from './calculator/EmpgCalculator';
import { PlayPanel } from './play/PlayPanel';
import { ImportPanel } from './import/ImportPanel';
import { ExperimentsPanel } from './experiments/ExperimentsPanel';

/** How long a progress report inside an iteration may wait before the page draws it (docs/PERFORMANCE.md). */
const PROGRESS_REDRAW_MS = 200;

function reportProblems(problems: string[]): void {
  const runtime = useRuntime.getState();
  for (const problem of problems) runtime.notify('warning', problem);
}

/** Reads the URL, starts the worker once, and lays out the page. */
export function App() {
  const present = useView((s) => s.settings.present);
  useEffect(() => {
    const parsed = parseHash(window.location.hash);
    reportProblems(parsed.problems);
    const linked = withDistinctLanes(parsed.state);
    const opening = openingSettings(linked, parsed.given);
    useView.getState().load(opening);
    // Worker messages are applied once per animation frame, all that arrived meanwhile in one store update.
    // The progress reports inside an iteration (a few dozen per iteration) wait up to PROGRESS_REDRAW_MS for
    // company: the progress line moves a few times a second instead of redrawing the page every frame.
    const inbox = frameBatch<FromWorker>((messages) => {
      for (const message of messages) {
        useRuntime.getState().receive(message);
        useSavedRun.getState().receive(message);
      }
      useProgress.getState().receiveMany(messages);
      receiveRunMessages(messages);
    }, undefined, undefined, { when: (m) => m.type === 'progress' && !m.abandoned, ms: PROGRESS_REDRAW_MS });
    // Each finished iteration is acknowledged once drawn: a playing run waits for that (src/worker/pagePace.ts).
    const receipts = drawReceipts((message) => worker.send(message));
    const worker = startWorker((message) => {
      receipts.received(message);
      inbox.push(message);
    });
    // The backend comes first; messages components queued before the worker existed follow.
    const backend = backendFor(linked, parsed.given, isPhoneLike());
    useRuntime.getState().setBackendNote(backend.note);
    const testHooks = installTestHooks((message) => worker.send(message));
    worker.send({ type: 'init', backend: backend.request, baseUrl: document.baseURI, testHooks, ...(backend.requestedBy ? { requestedBy: backend.requestedBy } : {}) });
    connectWorker({
      send: (message) => { if (!answerFromRecording(message)) worker.send(message); },
      terminate: () => worker.terminate(),
    });
    // A link that names no run setting opens the environment's recorded run with the settings it was
    // recorded with, so the controls, the live run and the first screen tell one story.
    let cancelled = false;
    void (async () => {
      const recorded = linkSetsRun(parsed.given) ? null : await fetchPrecomputed(linked.env);
      if (cancelled) return;
      const state = (recorded && settingsOfRecording(recorded.recording, opening)) || opening;
      if (state !== linked) useView.getState().update(state);
      startRun(state);
      // A run saved before a reload is offered before the new one is saved over it.
      void offerSavedRun(linked, parsed.given);
      await showPrecomputed(state);
    })();
    // A link edited by hand in the address bar applies like a change of the controls.
    const onHashChange = () => {
      const parsed = parseHash(window.location.hash);
      reportProblems(parsed.problems);
      applySettings(parsed.state);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      cancelled = true;
      window.removeEventListener('hashchange', onHashChange);
      connectWorker(null);
      inbox.cancel();
      receipts.cancel();
      worker.terminate();
    };
  }, []);

  return (
    <div className={present ? 'page present' : 'page'}>
      <Header />
      <NoticeBanner />
      <ResumeOffer />
      <DeferredRunProvider>
        <main>
          <ErrorBoundary name="The training view"><TrainingView /></ErrorBoundary>
          <ErrorBoundary name="Experiments"><ExperimentsPanel /></ErrorBoundary>
          <ErrorBoundary name="Real runs"><ImportPanel /></ErrorBoundary>
          <ErrorBoundary name="Play it yourself"><PlayPanel /></ErrorBoundary>
          <ErrorBoundary name="The EMPG calculator"><EmpgCalculator /></ErrorBoundary>
        </main>
      </DeferredRunProvider>
      <footer className="footer">
        EMPG: Wang et al., <em>Harnessing Uncertainty: Entropy-Modulated Policy Gradients for Long-Horizon LLM Agents</em>,
        arXiv 2509.09265. Everything on this page runs in your browser.
      </footer>
    </div>
  );
}
