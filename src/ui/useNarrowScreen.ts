/** Whether the window is phone-narrow (700 CSS px or less, the stylesheet's own breakpoint), kept up to date. */
import { useEffect, useState } from 'react';

/** The media query of a narrow screen; the stylesheet stacks the columns at the same width. */
export const NARROW_QUERY = '(max-width: 700px)';

function matches(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(NARROW_QUERY).matches;
}

/** True on a narrow screen; read at the first render, so the page is laid out once, not re-laid out after it. */
export function useNarrowScreen(): boolean {
  const [narrow, setNarrow] = useState(matches);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(NARROW_QUERY);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}
