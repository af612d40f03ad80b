/**
 * The observing demonstrator: a scripted player that sees only what a policy sees (the observation texts
 * and the admissible list) and knows only the rules (which appliance heats, what a receptacle can hold).
 * It reads the goal sentence, remembers what it has seen where, explores unseen receptacles (opening the
 * closed ones) until it finds a goal object, and then carries out the task. It never walks straight to a
 * hidden object. With `noise > 0` it sometimes takes a uniformly random admissible action instead, and
 * then recovers from wherever that led. Deterministic given its PRNG.
 *
 * Used to produce warm-start demonstrations that look like what a good agent could actually do.
 */
import { createRng, type Rng } from '../../core/prng';
import { canContain, CLEANABLE, COOLABLE, HEATABLE } from './catalog';
import { AlfworldEnv } from './env';
import { APPLIANCE_FOR, GOAL_TEMPLATES, TASK_TYPES } from './tasks';
import { compareInstanceNames, splitInstanceName, type AlfworldGame, type TaskType } from './world';

/** Settings of the demonstrator. */
export interface DemonstratorOptions {
  /** Probability of a uniformly random admissible action at each step (default 0). */
  noise?: number;
  /** The stream for exploration order and noise (default: a fixed stream). */
  rng?: Rng;
}

interface ParsedGoal {
  type: TaskType;
  objectType: string;
  receptacleType?: string;
  lampType?: string;
}

/** Reads `Your task is to: … .` back into the task type and its types, by matching the goal templates. */
function parseGoal(observation: string): ParsedGoal | null {
  const line = /Your task is to: (.*)\.\s*$/.exec(observation);
  if (!line) return null;
  for (const type of TASK_TYPES) {
    for (const template of GOAL_TEMPLATES[type]) {
      const slots: string[] = [];
      const pattern = template.replace(/\{(obj|recep|toggle)\}/g, (_m, slot: string) => { slots.push(slot); return '([a-z]+)'; });
      const match = new RegExp(`^${pattern}$`).exec(line[1]);
      if (!match) continue;
      const value = (slot: string) => match[slots.indexOf(slot) + 1];
      return {
        type,
        objectType: value('obj'),
        ...(slots.includes('recep') ? { receptacleType: value('recep') } : {}),
        ...(slots.includes('toggle') ? { lampType: value('toggle') } : {}),
      };
    }
  }
  return null;
}

/** Splits `a x 1, a y 2, and a z 3` (or `nothing`) into names. */
function parseList(text: string): string[] {
  if (text === 'nothing') return [];
  return text.split(/, (?:and )?/).map((item) => item.replace(/^a /, ''));
}

/** A scripted player that acts on observations only. Call `nextAction` once per step. */
export class ObservingDemonstrator {
  private readonly noise: number;
  private readonly rng: Rng;
  private goal: ParsedGoal | null = null;
  private receptacles: string[] = [];
  private explorationOrder: string[] = [];
  private readonly contents = new Map<string, string[]>();
  private readonly closed = new Set<string>();
  private at: string | null = null;
  private held: string | null = null;
  private heldTreated = false;
  private pairReceptacle: string | null = null;
  private lastAction: string | null = null;

  constructor(options: DemonstratorOptions = {}) {
    this.noise = options.noise ?? 0;
    this.rng = options.rng ?? createRng('alfworld-demonstrator');
  }

  /** The next action, given the latest observation (the welcome text first) and the admissible list. */
  nextAction(observation: string, admissible: readonly string[]): string {
    this.observe(observation);
    const planned = this.noise > 0 && this.rng.chance(this.noise) ? null : this.plan();
    const action = planned !== null && admissible.includes(planned) ? planned : this.rng.pick(admissible);
    this.lastAction = action;
    return action;
  }

  /** Updates the belief from what the last action produced. */
  private observe(observation: string): void {
    if (this.lastAction === null) {
      this.goal = parseGoal(observation);
      const look = /you see (.*?)\.\n/.exec(observation);
      this.receptacles = look ? parseList(look[1]).sort(compareInstanceNames) : [];
      this.explorationOrder = this.rng.shuffle(this.receptacles);
    }
    const arrive = /^You arrive at (.+?)\. /.exec(observation);
    if (arrive) this.at = arrive[1];
    const seen = /(?:On the (.+?),|The (.+?) is open\. In it,) you see (.*)\.$/.exec(observation);
    if (seen) {
      const where = seen[1] ?? seen[2];
      this.contents.set(where, parseList(seen[3]));
      this.closed.delete(where);
    }
    const isClosed = /The (.+?) is closed\.$/.exec(observation);
    if (isClosed) this.closed.add(isClosed[1]);
    const closedNow = /^You close the (.+)\.$/.exec(observation);
    if (closedNow) this.closed.add(closedNow[1]);
    const pick = /^You pick up the (.+?) from the (.+)\.$/.exec(observation);
    if (pick) {
      this.held = pick[1];
      this.heldTreated = false;
      this.contents.set(pick[2], (this.contents.get(pick[2]) ?? []).filter((name) => name !== pick[1]));
    }
    const move = /^You move the (.+?) to the (.+)\.$/.exec(observation);
    if (move) {
      this.contents.set(move[2], [...(this.contents.get(move[2]) ?? []), move[1]]);
      if (this.goal?.type === 'pick_two_obj_and_place' && splitInstanceName(move[1])[0] === this.goal.objectType
        && splitInstanceName(move[2])[0] === this.goal.receptacleType) this.pairReceptacle = move[2];
      this.held = null;
    }
    const treat = /^You (heat|cool|clean) the (.+?) using the/.exec(observation);
    if (treat && this.goal && treat[1] === this.treatmentVerb()) this.heldTreated = true;
  }

  private treatmentVerb(): 'heat' | 'cool' | 'clean' | null {
    const appliance = this.goal ? APPLIANCE_FOR[this.goal.type] : undefined;
    return appliance === 'microwave' ? 'heat' : appliance === 'fridge' ? 'cool' : appliance === 'sinkbasin' ? 'clean' : null;
  }

  /** Goes to `target` unless already there; then, if it is closed, opens it; then does `action`. */
  private approach(target: string, action: string): string {
    if (this.at !== target) return `go to ${target}`;
    if (this.closed.has(target)) return `open ${target}`;
    return action;
  }

  /** The first receptacle of a type, in listing order. */
  private firstOfType(type: string | undefined): string | null {
    return this.receptacles.find((name) => splitInstanceName(name)[0] === type) ?? null;
  }

  /** Where a known, usable goal object is (not one already paired in the goal receptacle). */
  private knownTarget(): { object: string; at: string } | null {
    const goal = this.goal;
    if (!goal) return null;
    for (const where of this.receptacles) {
      if (where === this.pairReceptacle) continue;
      const found = (this.contents.get(where) ?? []).find((name) => splitInstanceName(name)[0] === goal.objectType);
      if (found) return { object: found, at: where };
    }
    return null;
  }

  /** The next receptacle to look into: unseen ones that could hold `type` first, in exploration order. */
  private explore(type: string | undefined): string | null {
    const unseen = this.explorationOrder.filter((name) => !this.contents.has(name));
    const plausible = unseen.filter((name) => type === undefined || canContain(splitInstanceName(name)[0], type));
    const next = plausible[0] ?? unseen[0];
    if (next === undefined) return null;
    return this.approach(next, `examine ${next}`);
  }

  /** The planned action, or null to fall back to a random admissible one. */
  private plan(): string | null {
    const goal = this.goal;
    if (!goal) return null;
    if (this.held !== null) {
      const heldType = splitInstanceName(this.held)[0];
      if (heldType !== goal.objectType) {
        // Something picked up by a noisy step: put it back down where it fits.
        const place = [this.at, ...this.receptacles].find((name) => name !== null && canContain(splitInstanceName(name)[0], heldType));
        return place ? this.approach(place, `move ${this.held} to ${place}`) : null;
      }
      const verb = this.treatmentVerb();
      if (verb && !this.heldTreated && this.canTreat(verb, heldType)) {
        const appliance = this.firstOfType(APPLIANCE_FOR[goal.type]);
        if (!appliance) return null;
        return this.at === appliance ? `${verb} ${this.held} with ${appliance}` : `go to ${appliance}`;
      }
      if (goal.type === 'look_at_obj_in_light') {
        const lamp = this.knownLamp();
        if (!lamp) return this.explore(undefined);
        return this.approach(lamp.at, `use ${lamp.name}`);
      }
      const destination = this.pairReceptacle ?? this.firstOfType(goal.receptacleType);
      return destination ? this.approach(destination, `move ${this.held} to ${destination}`) : null;
    }
    const target = this.knownTarget();
    if (target) return this.approach(target.at, `take ${target.object} from ${target.at}`);
    return this.explore(goal.objectType);
  }

  private canTreat(verb: 'heat' | 'cool' | 'clean', type: string): boolean {
    return (verb === 'heat' ? HEATABLE : verb === 'cool' ? COOLABLE : CLEANABLE).has(type);
  }

  private knownLamp(): { name: string; at: string } | null {
    for (const where of this.receptacles) {
      const lamp = (this.contents.get(where) ?? []).find((name) => splitInstanceName(name)[0] === this.goal?.lampType);
      if (lamp) return { name: lamp, at: where };
    }
    return null;
  }
}

/** Plays one episode of `game` with the demonstrator; returns the actions taken and whether it won. */
export function demonstrate(game: AlfworldGame, options: DemonstratorOptions = {}): { actions: string[]; won: boolean } {
  const env = new AlfworldEnv();
  const demonstrator = new ObservingDemonstrator(options);
  let observation = env.reset(game).text;
  const actions: string[] = [];
  let won = false;
  while (!env.done) {
    const action = demonstrator.nextAction(observation, env.admissibleActions());
    actions.push(action);
    const result = env.step(action);
    observation = result.observation;
    won = result.won;
  }
  return { actions, won };
}
