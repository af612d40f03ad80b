/**
 * How the worker takes the page's messages: `init` chooses the backend, and every other message starts
 * after it, in the order the page sent it. A Play, Step or Reset pressed while the backend is still
 * being chosen is therefore carried out once it is ready, and a Pause (or a request, or a change of
 * saving) sent after it can never overtake it. Kept free of worker globals so it can be tested in Node.
 */
import type { LaneSet } from './lanes';
import type { FromWorker, ToWorker } from './protocol';

/** What the handler needs from the worker. */
export interface MessageHost {
  post(message: FromWorker): void;
  lanes: LaneSet;
  /** Chooses, activates and verifies the backend `init` asks for (and posts the statuses that say so). */
  start(message: Extract<ToWorker, { type: 'init' }>): Promise<void>;
  /** Turns saving the run after every iteration on or off. */
  setSaving(enabled: boolean): void;
  /** Replaces the lanes by the saved run. */
  resume(): Promise<void>;
  /** Causes a real backend fault (test hooks). */
  fault(fault: Extract<ToWorker, { type: 'testFault' }>['fault']): Promise<void>;
  /** The page has drawn the first `count` finished iterations it received (src/worker/pagePace.ts). */
  pageDrew?(count: number): void;
}

/** Returns the worker's `onmessage` body: one call per page message; failures are reported, never thrown. */
export function messageHandler(host: MessageHost): (message: ToWorker) => void {
  let ready: Promise<void> = Promise.resolve();
  const { lanes } = host;

  async function handle(message: ToWorker): Promise<void> {
    if (message.type === 'init') {
      ready = host.start(message);
      return ready;
    }
    // A receipt only releases a waiting run; queued behind a long Step it would come too late to matter.
    if (message.type === 'drawn') return host.pageDrew?.(message.count);
    // Every message waits for the same promise, so they start in the order they came.
    await ready;
    switch (message.type) {
      case 'configure':
        return lanes.lane(message.lane).configure(message.config, message.init);
      case 'setLanes':
        return lanes.setCount(message.count);
      case 'play':
        return lanes.play();
      case 'pause':
        return lanes.pause();
      case 'step':
        return lanes.step();
      case 'reset':
        return lanes.reset();
      case 'loadCheckpoint':
        return lanes.lane(message.lane).loadCheckpoint(message.checkpoint, message.name);
      case 'saving':
        return host.setSaving(message.enabled);
      case 'resume':
        return host.resume();
      case 'requestTrajectory':
        return lanes.lane(message.lane).requestTrajectory(message.iteration, message.traj);
      case 'requestCheckpoint':
        return lanes.lane(message.lane).requestCheckpoint();
      case 'requestSteps':
        return lanes.lane(message.lane).requestSteps();
      case 'testFault':
        return host.fault(message.fault);
    }
  }

  return (message) => {
    handle(message).catch((error: unknown) => {
      host.post({ type: 'error', kind: 'internal', message: error instanceof Error ? error.message : String(error) });
    });
  };
}
