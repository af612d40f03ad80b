/**
 * Whether an element is on screen (or within `margin` of it), kept up to date by an IntersectionObserver.
 * Charts use it to skip redrawing while nobody can see them.
 */
import { useEffect, useState, type RefObject } from 'react';

/**
 * True while `ref`'s element intersects the viewport grown by `margin` (a CSS length); true until
 * measured, and from the moment the page is about to print.
 */
export function useOnScreen(ref: RefObject<Element | null>, margin = '200px'): boolean {
  const [onScreen, setOnScreen] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setOnScreen(entry.isIntersecting), { rootMargin: margin });
    observer.observe(element);
    // A printout shows every chart, so every chart draws before printing.
    const onPrint = () => setOnScreen(true);
    window.addEventListener('beforeprint', onPrint);
    return () => { observer.disconnect(); window.removeEventListener('beforeprint', onPrint); };
  }, [ref, margin]);
  return onScreen;
}

/** `value` while `live`; while not, the value it had when it was last live (derived state, no effect). */
export function useHeldWhile<T>(value: T, live: boolean): T {
  const [held, setHeld] = useState(value);
  if (live && held !== value) setHeld(() => value);
  return live ? value : held;
}
