/**
 * "Play it yourself": a person plays ALFWorld-lite or WebShop-lite by hand, exactly as the agent does — the
 * same observation text, the same admissible actions, the same no-ops — before any learning starts. The
 * environments are loaded after the first paint (they are not needed to draw the page) and run on the main
 * thread; building a WebShop catalogue takes up to about a second, so the panel says so while it works.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useView } from '../../store/viewStore';
import { ActionPicker } from './ActionPicker';
import { ObservationView } from './ObservationView';
import { PlayControls } from './PlayControls';
import { Outcome, TranscriptView } from './TranscriptView';
import { envLabel, type PlayEnvName } from './playChoices';
import type * as PlayModelModule from './playModel';
import type { PlayWorld } from './playModel';
import './play.css';
import { FILE_LIMITS, readLimitedText } from '../../store/limits';

/** The lazily loaded module; only its type is imported up front. */
type PlayModel = typeof PlayModelModule;

/** Runs `work` after the browser has painted, so a "building…" message shows before a slow build. */
function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** Saves the episode as a JSON-lines file, the format of `npm run cli -- replay`. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The play panel. */
export function PlayPanel() {
  const [model, setModel] = useState<PlayModel | null>(null);
  const [choice, setChoice] = useState<{ env: PlayEnvName; preset: string; seed: number }>({ env: 'alfworld', preset: 'tiny', seed: 0 });
  const [world, setWorld] = useState<PlayWorld | null>(null);
  const [actions, setActions] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>('Loading the environments…');
  const [problems, setProblems] = useState<string[]>([]);
  const [showPlan, setShowPlan] = useState(false);
  const latestRequest = useRef(0);

  const startWorld = useCallback((next: PlayWorld) => {
    setWorld(next);
    setActions([]);
    setShowPlan(false);
    setProblems([]);
    setBusy(null);
  }, []);

  const chooseWorld = useCallback((loaded: PlayModel, env: PlayEnvName, preset: string, seed: number) => {
    setChoice({ env, preset, seed });
    const request = ++latestRequest.current;
    if (env === 'webshop') setBusy(`Building the ${preset} catalogue…`);
    afterPaint(() => {
      if (request !== latestRequest.current) return; // a newer choice superseded this one
      try {
        startWorld(loaded.generatedWorld(env, preset, seed));
      } catch (error) {
        setBusy(null);
        setProblems([error instanceof Error ? error.message : String(error)]);
      }
    });
  }, [startWorld]);

  useEffect(() => {
    let live = true;
    let unsubscribe = () => {};
    import('./playModel').then((loaded) => {
      if (!live) return;
      setModel(loaded);
      // The panel opens on the training view's environment and preset, and follows their changes.
      const { env, preset } = useView.getState().settings;
      chooseWorld(loaded, env as PlayEnvName, preset, 0);
      unsubscribe = useView.subscribe((state, before) => {
        const { env: nextEnv, preset: nextPreset } = state.settings;
        if (live && (nextEnv !== before.settings.env || nextPreset !== before.settings.preset)) chooseWorld(loaded, nextEnv as PlayEnvName, nextPreset, 0);
      });
    }, (error: unknown) => setBusy(`Could not load the environments: ${String(error)}`));
    return () => { live = false; unsubscribe(); };
  }, [chooseWorld]);

  const loadFile = async (file: File) => {
    if (!model) return;
    let text: string;
    try {
      text = await readLimitedText(file, FILE_LIMITS.world, 'scene or catalogue file');
    } catch (error) {
      setProblems([error instanceof Error ? error.message : String(error), 'The current world stays.']);
      return;
    }
    const result = model.worldFromFile(file.name, text, choice.env, choice.seed);
    if (!result.ok) {
      setProblems([`${file.name} was not loaded; the current world stays.`, ...result.errors]);
      return;
    }
    latestRequest.current++;
    setChoice((c) => ({ ...c, env: result.world.env }));
    startWorld(result.world);
  };

  const episode = useMemo(() => (model && world ? model.playEpisode(world, actions) : null), [model, world, actions]);
  // Once the episode is over the hint shows the plan from the start, to compare with the steps taken.
  const planFrom = episode?.done ? 'the start' : 'here';
  const plan = useMemo(
    () => (showPlan && model && world && episode ? model.oracleHint(world, episode.done ? [] : actions) : null),
    [showPlan, model, world, actions, episode],
  );
  const current = episode?.steps[episode.steps.length - 1];
  const pieces = useMemo(() => (model && current && world?.env === 'webshop' ? model.splitWebShopText(current.observation) : []), [model, current, world]);
  const clickable = useMemo(() => new Set(
    (current?.admissible ?? []).map((a) => /^click\[(.+)\]$/.exec(a)?.[1]).filter((a): a is string => a !== undefined),
  ), [current]);
  const act = (action: string) => { if (!episode?.done) setActions((a) => [...a, action]); };

  return (
    <section className="panel play" aria-labelledby="play-title" data-testid="play-panel" aria-busy={busy !== null}>
      <h2 id="play-title">Play it yourself</h2>
      <p className="lede">
        Be the agent: read the observation, pick an action, reach the goal within the step limit. The agent sees exactly
        this text and chooses from exactly these actions. Anything else you type is a no-op that still costs a step, as in the
        real ALFWorld, WebShop and Search-R1.
      </p>
      <PlayControls env={choice.env} preset={choice.preset} seed={choice.seed} disabled={!model}
        onWorld={(env, preset, seed) => model && chooseWorld(model, env, preset, seed)} onFile={(file) => void loadFile(file)} />
      {problems.length > 0 && (
        <div className="play-problems" role="alert" data-testid="play-file-errors">
          <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
          <button type="button" aria-label="Dismiss" onClick={() => setProblems([])}>×</button>
        </div>
      )}
      {busy && <p className="play-busy" role="status" data-testid="play-busy">{busy}</p>}
      {world && episode && current && (
        <div className="play-grid">
          <div className="play-left">
            <p className="play-source muted" data-testid="play-source">
              {envLabel(world.env)} · {world.source}
            </p>
            <ObservationView env={world.env} goal={episode.goal} observation={current.observation} pieces={pieces} clickable={clickable} />
            <p className="play-counter" data-testid="play-steps">
              Step <strong>{episode.stepCount}</strong> of {episode.stepLimit} · reward <strong>{current.reward}</strong>
            </p>
            <ActionPicker admissible={current.admissible} disabled={episode.done || busy !== null} onAct={act}
              example={world.env === 'alfworld' ? 'open drawer 1' : world.env === 'webshop' ? 'search[red mug] or click[buy now]' : 'search[kavo birthplace] or answer[lumera]'} />
            <div className="play-buttons">
              <button type="button" data-testid="play-undo" disabled={actions.length === 0} onClick={() => setActions((a) => a.slice(0, -1))}>Undo</button>
              <button type="button" data-testid="play-reset" disabled={actions.length === 0} onClick={() => setActions([])}>Reset</button>
              <button type="button" data-testid="play-oracle" aria-pressed={showPlan} onClick={() => setShowPlan((s) => !s)}>
                {showPlan ? 'Hide' : 'Show'} the oracle’s plan
              </button>
              <button type="button" data-testid="play-download" title="One JSON line per step, as npm run cli -- replay prints"
                onClick={() => model && download(`${world.env}-transcript.jsonl`, model.transcriptJsonLines(episode))}>
                Download transcript
              </button>
            </div>
            {showPlan && (
              <div className="play-plan" data-testid="play-plan">
                {plan ? (
                  <>
                    <div className="play-label">
                      The oracle’s shortest plan from {world.env === 'webshop' && !episode.done ? 'a new search, which works from any page' : planFrom} ({plan.length} steps)
                    </div>
                    <ol>{plan.map((a, i) => <li key={i}><code>{a}</code></li>)}</ol>
                  </>
                ) : <p className="muted">The oracle finds no plan from {planFrom} within {episode.done ? 'the step limit' : 'the steps left'}.</p>}
              </div>
            )}
          </div>
          <div className="play-right">
            <Outcome env={world.env} episode={episode} />
            <TranscriptView env={world.env} episode={episode} />
          </div>
        </div>
      )}
    </section>
  );
}
