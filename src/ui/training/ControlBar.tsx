/**
 * The top bar of the run: Play / Pause / Step / Reset, the iteration counter, a clear mark while a
 * recording (not a live run) is on screen, and compare mode and how often the charts refresh (in the
 * settings drawer instead where the bar has one: presentation mode, a phone).
 * Keyboard: Space plays or pauses, `.` runs one iteration (not while typing in a field).
 */
import { useEffect } from 'react';
import { useRun } from '../../store/runStore';
import { useSeedSweep } from '../../store/seedSweepStore';
import { useView } from '../../store/viewStore';
import { useTour } from '../explain/tour';
import { applySettings, runCommand } from './runSettings';
import { lecturePatch } from './lecturePreset';
import { PRECOMPUTED } from '../io/recordingMode';
import { RunToggles } from './RunToggles';

/** Keys typed into these elements belong to them, not to the shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName);
}

/** The buttons' pictures as SVG: every system draws them the same (emoji fonts are not everywhere). */
function Icon({ shape }: { shape: 'play' | 'pause' | 'step' | 'reset' | 'present' }) {
  const paths = {
    play: 'M3 2 L13 8 L3 14 Z',
    pause: 'M3 2 H6.5 V14 H3 Z M9.5 2 H13 V14 H9.5 Z',
    step: 'M2 2 L10 8 L2 14 Z M11 2 H14 V14 H11 Z',
    reset: 'M8 2 A6 6 0 1 1 2.3 6 L0.5 6 L3.5 2.5 L6.5 6 L4.4 6 A4 4 0 1 0 8 4 Z',
    present: 'M1 2 H15 V11 H1 Z M2.5 3.5 V9.5 H13.5 V3.5 Z M7 11 H9 V13 H12 V14.5 H4 V13 H7 Z',
  };
  return <svg className="icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true"><path d={paths[shape]} fill="currentColor" /></svg>;
}

/** Props of `ControlBar`. */
export interface ControlBarProps {
  /** Presentation mode: the tour and the settings drawer join the bar. */
  present?: boolean;
  /** Opens or closes the settings drawer (presentation mode, and a narrow screen); the bar shows its button when given, and leaves compare mode and the refresh to the drawer. */
  onSettings?(): void;
  settingsOpen?: boolean;
}

/** The run's control bar. */
export function ControlBar({ present = false, onSettings, settingsOpen = false }: ControlBarProps) {
  const status = useRun((s) => s.lanes[0]?.status ?? null);
  const running = useRun((s) => s.lanes.some((l) => l.status?.running));
  const shown = useView((s) => s.shown);
  // A run across seeds drives the lanes itself; the buttons wait until it ends.
  const sweeping = useSeedSweep((s) => s.phase === 'running');
  const ready = (status !== null || shown !== null) && !sweeping;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || useSeedSweep.getState().phase === 'running') return;
      const isRunning = useRun.getState().lanes.some((l) => l.status?.running);
      if (event.key === ' ') {
        event.preventDefault();
        runCommand(isRunning ? 'pause' : 'play');
      } else if (event.key === '.' && !isRunning) {
        runCommand('step');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="control-bar" role="toolbar" aria-label="Training controls">
      <div className="run-buttons">
        <button type="button" className="primary" data-testid="play" disabled={!ready || running} onClick={() => runCommand('play')}
          aria-keyshortcuts="Space" title="Train continuously (Space)"><Icon shape="play" /> Play</button>
        <button type="button" data-testid="pause" disabled={!running || sweeping} onClick={() => runCommand('pause')}
          aria-keyshortcuts="Space" title="Pause at the next safe point — a rollout step or a minibatch — dropping the unfinished iteration, which Play runs again (Space)"><Icon shape="pause" /> Pause</button>
        <button type="button" data-testid="step-once" disabled={!ready || running} onClick={() => runCommand('step')}
          aria-keyshortcuts="." title="Run exactly one iteration (.)"><Icon shape="step" /> Step</button>
        <button type="button" data-testid="reset" disabled={!ready} onClick={() => runCommand('reset')}
          title="Back to iteration 0 with the same initial weights"><Icon shape="reset" /> Reset</button>
      </div>
      <span className="iteration" aria-live="polite">iteration <strong data-testid="iteration">{status?.iteration ?? 0}</strong></span>
      {/* One pill of the same size for every state, so pressing Play does not re-wrap the bar. */}
      {shown ? (
        <span className="run-state recording-mark" data-testid="recording-mark" role="status">
          ● Recording{shown.source === PRECOMPUTED ? '' : `: ${shown.source}`}
        </span>
      ) : (
        <span className={`run-state ${running ? 'live' : 'paused'}`} data-testid="run-state" role="status">{running ? '● Training' : '‖ Paused'}</span>
      )}
      <span className="bar-spacer" />
      <div className="bar-buttons">
        {present && (
          <>
            <button type="button" className="bar-button" onClick={() => useTour.getState().go(0)} data-testid="present-tour" title="Take the guided tour">▶ Tour</button>
            <button type="button" className="bar-button" onClick={() => applySettings(lecturePatch())} data-testid="lecture-start"
              title="Lecture start: WebShop-lite, GRPO + EMPG, B = 4, G = 8, lr 3e-3 — success rises visibly within about two minutes on a laptop (measured: docs/TRAINING.md)">
              Lecture</button>
          </>
        )}
        {onSettings && (
          <button type="button" className="bar-button" onClick={onSettings} aria-expanded={settingsOpen} data-testid="settings-open">⚙ Settings</button>
        )}
        <button type="button" className="bar-button" onClick={() => useView.getState().update({ present: !present })} data-testid="present-toggle"
          aria-pressed={present} title={present ? 'Back to the full page' : 'Presentation mode: the story large, settings in a drawer (present=1 in the link)'}>
          {present ? '✕ Full page' : <><Icon shape="present" /> Present</>}
        </button>
      </div>
      {!onSettings && <RunToggles />}
    </div>
  );
}
