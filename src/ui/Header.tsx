/** The top bar: the name, whether the run is saved, and the backend badge with why it was chosen and its self-check. */
import { useRuntime } from '../store/runtimeStore';
import { SavedStatus } from './SavedStatus';

/** The page header. */
export function Header() {
  return (
    <header className="header">
      <div className="brand">
        <h1>EMPG Playground</h1>
        <p className="tagline">How entropy shapes a policy-gradient step — and how EMPG re-scales it.</p>
        <SavedStatus />
      </div>
      <BackendBadge />
    </header>
  );
}

/** The active backend, its reason and self-check; `data-testid="backend"` holds just the name. */
function BackendBadge() {
  const phase = useRuntime((s) => s.phase);
  const choice = useRuntime((s) => s.choice);
  const note = useRuntime((s) => s.backendNote);
  // The page's own default was honoured: its note says why, not the worker's "requested in the URL".
  const reason = note && choice?.requested === choice?.backend ? note : choice?.reason;
  const ready = choice !== null && choice !== undefined && phase === 'ready';
  const label = phase === 'ready' && choice ? choice.backend : phase === 'selecting' ? 'choosing…' : 'starting…';
  const kernels = ready && choice.kernels ? ` · ${choice.kernels}` : '';
  const check = ready ? `self-check vs cpu: max relative gradient error ${choice.selfCheck.maxRelError.toExponential(1)} ${choice.selfCheck.ok ? '✓' : '✗'}${kernels}` : '';
  return (
    <div className="backend" aria-live="polite">
      <div className="backend-line">
        <span className="muted">backend</span>
        <span className={`badge badge-${phase === 'ready' ? choice?.backend : 'pending'}`} data-testid="backend" title={ready ? `${reason ?? ''} ${check}`.trim() : undefined}>{label}</span>
      </div>
      {/* The lines are always there (empty until the backend is chosen), so nothing moves when it arrives. */}
      <p className="backend-reason" data-testid={ready ? 'backend-reason' : undefined} title={ready ? reason : undefined}>{ready ? reason : '\u00a0'}</p>
      <p className="backend-check" data-testid={ready ? 'backend-check' : undefined} data-max-rel-error={ready ? choice.selfCheck.maxRelError : undefined}>
        {ready ? check : '\u00a0'}
      </p>
    </div>
  );
}
