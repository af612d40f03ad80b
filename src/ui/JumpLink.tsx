/**
 * A link to another part of the page that leaves the URL alone: the hash holds the view state (a teacher
 * link), so an ordinary `#id` link would replace it. Opens the target when it is a `<details>`, scrolls
 * it into view and moves the focus there.
 */
import type { ReactNode } from 'react';

/** Opens, shows and focuses the element with this id; false when there is none. */
export function jumpTo(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  if (target instanceof HTMLDetailsElement) target.open = true;
  target.scrollIntoView({ block: 'start', behavior: 'smooth' });
  if (!target.hasAttribute('tabindex') && !(target instanceof HTMLDetailsElement)) target.setAttribute('tabindex', '-1');
  (target instanceof HTMLDetailsElement ? target.querySelector('summary') ?? target : target).focus({ preventScroll: true });
  return true;
}

/** Props of `JumpLink`. */
export interface JumpLinkProps {
  /** The id of the element to go to. */
  to: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** An in-page link (a button styled as a link) that goes to `to` without touching the URL. */
export function JumpLink({ to, children, className, testId }: JumpLinkProps) {
  return (
    <button type="button" className={`jump-link ${className ?? ''}`.trim()} data-testid={testId} onClick={() => jumpTo(to)}>
      {children}
    </button>
  );
}
