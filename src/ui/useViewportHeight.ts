/** The window's inner height in CSS pixels, kept up to date (for charts sized to fit one screen). */
import { useEffect, useState } from 'react';

/** The viewport height; 800 where there is no window. */
export function useViewportHeight(): number {
  const [height, setHeight] = useState(() => (typeof window === 'undefined' ? 800 : window.innerHeight));
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}
