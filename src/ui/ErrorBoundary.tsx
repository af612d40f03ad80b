/**
 * Keeps one failing part of the page from blanking the rest: a render error in the wrapped section shows
 * a short message in its place, goes to the banner, and "Show it again" re-renders it. The stores (and
 * so the live run in the worker) are outside React and are not touched, except that a recording shown
 * when the error happened is put away, since a damaged file is the likely cause.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useRuntime } from '../store/runtimeStore';
import { useView } from '../store/viewStore';
import { leaveRecording } from './io/recordingMode';

interface Props {
  /** The section's name, for the message ("the training view"). */
  name: string;
  children: ReactNode;
}

interface State {
  error: string | null;
}

/** An error boundary around one section of the page (see the file comment). */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const shown = useView.getState().shown;
    const cause = shown ? ` while showing ${shown.source}, which was put away` : '';
    useRuntime.getState().notify('error', `Part of the page (${this.props.name}) failed${cause}: ${error instanceof Error ? error.message : String(error)}. The live run is kept.`);
    console.error(error, info.componentStack);
    if (shown) leaveRecording(false);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <section className="section-error" role="alert" data-testid="section-error">
        <p>{this.props.name} could not be drawn: {this.state.error}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>Show it again</button>
      </section>
    );
  }
}
