/**
 * Two settings of the run as a whole: compare two lanes, and how often the charts refresh. They sit in
 * the control bar on the full page and at the top of the settings drawer where there is one (presentation
 * mode, a phone). A teacher link can hide either (`hide=compare`, `hide=speed`).
 */
import { REFRESH_MODES, type RefreshMode } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { Help } from '../explain/Help';
import { applySettings } from './runSettings';

const REFRESH_TITLES: Record<RefreshMode, string> = { 'iteration': 'every iteration', '2s': 'every 2 s', 'pause': 'when paused' };

/** The compare-two-lanes switch and the refresh select, each unless the link hides it. */
export function RunToggles() {
  const compare = useView((s) => s.settings.compare);
  const speed = useView((s) => s.settings.speed);
  const hide = useView((s) => s.settings.hide);
  return (
    <>
      {!hide.includes('compare') && (
        <label className="toggle" title="Train a second configuration from the same seed, tasks and weights; iterations alternate.">
          <input type="checkbox" checked={compare} data-testid="compare-toggle" onChange={(e) => applySettings({ compare: e.target.checked })} />
          compare two lanes
          <Help term="compare" align="left" />
        </label>
      )}
      {!hide.includes('speed') && (
        <label className="toggle" title="How often the charts redraw while training runs.">
          refresh
          <select value={speed} data-testid="speed-select" onChange={(e) => applySettings({ speed: e.target.value as RefreshMode })}>
            {REFRESH_MODES.map((mode) => <option key={mode} value={mode}>{REFRESH_TITLES[mode]}</option>)}
          </select>
          <Help term="speed" align="left" />
        </label>
      )}
    </>
  );
}
