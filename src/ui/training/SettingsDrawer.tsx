/**
 * The settings as a drawer over the right edge of the page (presentation mode): out of the way of the
 * story until asked for, closed with its button or Escape. Compare mode and the charts' refresh head it
 * (the control bar leaves them to the drawer).
 */
import { useEffect, useRef } from 'react';
import { RunToggles } from './RunToggles';
import { SettingsPanel } from './SettingsPanel';

/** Props of `SettingsDrawer`. */
export interface SettingsDrawerProps {
  open: boolean;
  onClose(): void;
}

/** The drawer. */
export function SettingsDrawer({ open, onClose }: SettingsDrawerProps) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);
  return (
    <aside className="settings-drawer" hidden={!open} aria-label="Settings" data-testid="settings-drawer">
      <div className="drawer-head">
        <h3>Settings</h3>
        <button type="button" ref={close} onClick={onClose} data-testid="settings-close">Close</button>
      </div>
      {open && <div className="drawer-run-toggles"><RunToggles /></div>}
      {open && <SettingsPanel />}
    </aside>
  );
}
