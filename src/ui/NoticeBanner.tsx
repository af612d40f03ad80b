/** Problems the user should know about: fallbacks, GPU errors, ignored URL values. Each can be dismissed. */
import { useRuntime } from '../store/runtimeStore';

/** The banner under the header; absent when there is nothing to say. */
export function NoticeBanner() {
  const notices = useRuntime((s) => s.notices);
  const dismiss = useRuntime((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="alert" data-testid="error-banner">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>×</button>
        </div>
      ))}
    </div>
  );
}
