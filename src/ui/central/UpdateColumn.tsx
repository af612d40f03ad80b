/**
 * Update: entropy against update magnitude, per step — the page's central chart. The column holds the
 * view switches and one chart per lane, on shared axes; "Enlarge" opens the same charts large, lanes
 * side by side.
 */
import { useEffect, useRef } from 'react';
import { KEPT_ITERATIONS } from '../../store/runStore';
import { Help } from '../explain/Help';
import { useCentralView, type ChartKind, type MagnitudeMode } from './centralView';
import { LaneCentralChart } from './LaneCentralChart';
import { useLanePoints, type LanePoints } from './useLanePoints';
import { useLaneSlots } from '../training/laneSlots';
import type { NormSpace } from './updatePoints';
import './central.css';

interface Choice<T extends string> {
  value: T;
  label: string;
  testId: string;
}

function Segmented<T extends string>({ label, value, choices, onChange }: { label: string; value: T; choices: Choice<T>[]; onChange(v: T): void }) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {choices.map((c) => (
        <button key={c.value} type="button" aria-pressed={value === c.value} data-testid={c.testId} onClick={() => onChange(c.value)}>{c.label}</button>
      ))}
    </div>
  );
}

/** The switches shared by every copy of the chart. */
function ChartControls() {
  const view = useCentralView();
  return (
    <div className="central-controls">
      <div className="control-row">
        <Segmented<MagnitudeMode> label="Magnitude" value={view.magnitude} onChange={(magnitude) => view.set({ magnitude })} choices={[
          { value: 'plain', label: 'plain', testId: 'magnitude-plain' },
          { value: 'empg', label: 'EMPG', testId: 'magnitude-empg' },
          { value: 'both', label: 'both', testId: 'magnitude-both' },
        ]} />
        <Help term="magnitude-mode" />
      </div>
      <div className="control-row">
        <Segmented<NormSpace> label="Gradient norm" value={view.space} onChange={(space) => view.set({ space })} choices={[
          { value: 'logit', label: '‖e−p‖ logits', testId: 'space-logit' },
          { value: 'param', label: '‖∇θ‖ exact', testId: 'space-param' },
        ]} />
        <Help term="norm-space" />
      </div>
      <div className="control-row">
        <Segmented<ChartKind> label="Chart kind" value={view.kind} onChange={(kind) => view.set({ kind })} choices={[
          { value: 'points', label: 'steps', testId: 'view-points' },
          { value: 'binned', label: 'deciles', testId: 'view-binned' },
        ]} />
        <Help term="binned-view" />
        <label className="window-select">
          <span className="sr-only">Iterations shown</span>
          <select value={view.window} onChange={(e) => view.set({ window: Number(e.target.value) })} data-testid="iteration-window">
            {[1, 2, 4, KEPT_ITERATIONS].map((n) => <option key={n} value={n}>{n === 1 ? 'latest' : `last ${n}`}</option>)}
          </select>
        </label>
        <Help term="iteration-window" align="left" />
      </div>
    </div>
  );
}

/** The large view: a modal dialog with every lane's chart side by side. */
function EnlargedView({ lanes, shared }: { lanes: number; shared: LanePoints }) {
  const open = useCentralView((s) => s.enlarged);
  const set = useCentralView((s) => s.set);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    // showModal focuses the first focusable element (a "?", which would pop its definition open): start on Close instead.
    if (open && !d.open) { d.showModal(); close.current?.focus(); }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="central-dialog" aria-label="Entropy vs update magnitude, large" onClose={() => set({ enlarged: false })}>
      {open && (
        <>
          <div className="dialog-head">
            <h3>Entropy vs update magnitude <Help term="entropy-grad-chart" /></h3>
            <button type="button" onClick={() => set({ enlarged: false })} aria-label="Close the large view" ref={close}>✕</button>
          </div>
          <ChartControls />
          <div className="central-lanes" style={{ gridTemplateColumns: `repeat(${lanes}, minmax(0, 1fr))` }}>
            {Array.from({ length: lanes }, (_, i) => (
              <LaneCentralChart key={i} lane={i} height={420} titled={lanes > 1} points={shared.points[i] ?? []} extent={shared.extent}
                bins={shared.bins[i] ?? []} binTop={shared.binTop} premiseOpen />
            ))}
          </div>
          {lanes > 1 && <p className="muted small">Both lanes are drawn on the same axes.</p>}
        </>
      )}
    </dialog>
  );
}

/** Props of `UpdateColumn`. */
export interface UpdateColumnProps {
  /** Height of each lane's chart (default: sized for the five-column flow). */
  chartHeight?: number;
  /** Lanes side by side rather than stacked (presentation mode). */
  sideBySide?: boolean;
}

/** The update column. */
export function UpdateColumn({ chartHeight, sideBySide = false }: UpdateColumnProps) {
  const lanes = useLaneSlots();
  const set = useCentralView((s) => s.set);
  const shared = useLanePoints();
  return (
    <div className="flow-column update-column" data-testid="entropy-grad-chart">
      <div className="column-head">
        <h3>Update <Help term="entropy-grad-chart" align="left" /></h3>
        <button type="button" className="enlarge" onClick={() => set({ enlarged: true })} data-testid="enlarge-chart" aria-label="Enlarge the chart">⤢ enlarge</button>
      </div>
      <ChartControls />
      {/* Above the charts: the captions under them grow as a run arrives, and would push this line down. */}
      {lanes > 1 && <p className="muted small shared-axes">Both lanes are drawn on the same axes.</p>}
      <div className={sideBySide ? 'central-lanes' : undefined} style={sideBySide ? { gridTemplateColumns: `repeat(${lanes}, minmax(0, 1fr))` } : undefined}>
        {Array.from({ length: lanes }, (_, i) => (
          <LaneCentralChart key={i} lane={i} height={chartHeight ?? (lanes > 1 ? 200 : 260)} titled={lanes > 1} points={shared.points[i] ?? []}
            extent={shared.extent} bins={shared.bins[i] ?? []} binTop={shared.binTop} />
        ))}
      </div>
      <EnlargedView lanes={lanes} shared={shared} />
    </div>
  );
}
