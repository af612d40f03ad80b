/**
 * Real ALFWorld games, replayed through ALFWorld-lite.
 *
 * Source: ysymyth/ReAct at 6bdb3a1, `prompts/alfworld_3prompts.json`, the 18 `act_*` transcripts (real games of
 * ALFWorld's text environment; the `react_*` entries are the same games with thoughts added). Each game is
 * rebuilt as a scene file in `__fixtures__/react-transcripts.json` (how: see its `source` field); this test
 * replays the real action sequence and compares every observation, word for word.
 *
 * The transcripts were recorded with ALFWorld < 0.4, and ReAct removed the `You arrive at loc N. ` line. The
 * current game (alfred.twl2 ≥ 0.4) starts a successful `go to R` with `You arrive at R. ` and answers the old
 * `put X in/on Y` verb's action with `You move the X to the Y.`; the expected texts are adjusted for exactly
 * these two changes and nothing else.
 */
import { describe, expect, it } from 'vitest';
import fixture from './__fixtures__/react-transcripts.json';
import { AlfworldEnv } from './env';
import { parseScene } from './scene';
import { NOTHING_HAPPENS } from './text';

interface Transcript {
  id: string;
  scene: unknown;
  steps: { action: string; observation: string }[];
  skip?: string;
}

const transcripts = (fixture as { transcripts: Transcript[] }).transcripts;

/**
 * Lines of the published prompts that the real game cannot have printed, with the text it does print.
 * `act_put_0` lists three objects without the final "and"; TextWorld joins every list with `, and ` before
 * the last item (alfred.twl2 `list_last_separator`), so the prompt was edited by hand there.
 */
const EDITED_IN_PROMPT: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  act_put_0: { 0: 'On the cabinet 1, you see a cloth 1, a soapbar 1, and a soapbottle 1.' },
};

/** The observation the current ALFWorld prints for a line of the older transcript. */
function currentText(id: string, index: number, action: string, observation: string): string {
  const text = EDITED_IN_PROMPT[id]?.[index] ?? observation;
  const goTo = /^go to (.+)$/.exec(action);
  if (goTo && text !== NOTHING_HAPPENS) return `You arrive at ${goTo[1]}. ${text}`;
  const put = /^put (.+?) in\/on (.+)$/.exec(action);
  if (put) return `You move the ${put[1]} to the ${put[2]}.`;
  return text;
}

describe('real ALFWorld transcripts (ReAct prompts) replayed from rebuilt scene files', () => {
  it('covers every act_* transcript of the prompt file', () => {
    expect(transcripts.map((t) => t.id)).toHaveLength(18);
    expect(transcripts.filter((t) => t.skip)).toHaveLength(1);
  });

  for (const transcript of transcripts) {
    const run = transcript.skip ? it.skip : it;
    run(`${transcript.id}: every observation matches and the last action wins`, () => {
      const parsed = parseScene(transcript.scene);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const env = new AlfworldEnv();
      const start = env.reset(parsed.game);
      expect(start.text.split('\n\n')[1]).toMatch(/^You are in the middle of a room\./);
      transcript.steps.forEach(({ action, observation }, index) => {
        const result = env.step(action);
        expect({ index, action, observation: result.observation }).toEqual({ index, action, observation: currentText(transcript.id, index, action, observation) });
        const last = index === transcript.steps.length - 1;
        expect({ index, won: result.won, terminated: result.terminated }).toEqual({ index, won: last, terminated: last });
      });
    });
  }

  it('prints the room banner in the real order (types in order, higher instance numbers first)', () => {
    const cool1 = transcripts.find((t) => t.id === 'act_cool_1')!;
    const parsed = parseScene(cool1.scene);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const banner = new AlfworldEnv().reset(parsed.game).text.split('\n\n')[1];
    expect(banner).toBe(
      'You are in the middle of a room. Looking quickly around you, you see a cabinet 9, a cabinet 8, a cabinet 7, a cabinet 6, '
      + 'a cabinet 5, a cabinet 4, a cabinet 3, a cabinet 2, a cabinet 1, a coffeemachine 1, a countertop 3, a countertop 2, '
      + 'a countertop 1, a drawer 9, a drawer 8, a drawer 7, a drawer 6, a drawer 5, a drawer 4, a drawer 3, a drawer 2, a drawer 1, '
      + 'a fridge 1, a garbagecan 1, a microwave 1, a shelf 3, a shelf 2, a shelf 1, a sinkbasin 1, a stoveburner 4, '
      + 'a stoveburner 3, a stoveburner 2, a stoveburner 1, and a toaster 1.',
    );
  });

  it('at a shared place: no `go to` the other receptacle, both can be examined, opened and used', () => {
    const puttwo2 = transcripts.find((t) => t.id === 'act_puttwo_2')!;
    const parsed = parseScene(puttwo2.scene);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const env = new AlfworldEnv();
    env.reset(parsed.game);
    env.step('go to cabinet 1');
    const admissible = env.admissibleActions();
    expect(admissible).not.toContain('go to cabinet 1');
    expect(admissible).not.toContain('go to cabinet 2');
    expect(admissible).toEqual(expect.arrayContaining(['examine cabinet 1', 'examine cabinet 2', 'open cabinet 1', 'open cabinet 2']));
    expect(env.step('open cabinet 2').observation).toBe('You open the cabinet 2. The cabinet 2 is open. In it, you see nothing.');
    expect(env.step('go to cabinet 3').observation).toBe('You arrive at cabinet 3. The cabinet 3 is closed.');
    expect(env.admissibleActions()).toEqual(expect.arrayContaining(['go to cabinet 1', 'go to cabinet 2']));
  });
});

describe('examine texts in the grammar\'s order (alfred.twl2 examineObject)', () => {
  const scene = (flags: Record<string, boolean>) => ({
    receptacles: [{ name: 'countertop 1', contents: [{ name: 'apple 1', ...flags }] }, { name: 'sidetable 1' }],
    task: { type: 'pick_and_place_simple', object: 'apple', receptacle: 'sidetable' },
  });
  const examine = (flags: Record<string, boolean>) => {
    const parsed = parseScene(scene(flags));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const env = new AlfworldEnv();
    env.reset(parsed.game);
    env.step('go to countertop 1');
    env.step('take apple 1 from countertop 1');
    return env.step('examine apple 1').observation;
  };

  it('names both states of a hot or cool object that is also clean', () => {
    expect(examine({ isHot: true, isClean: true })).toBe('This is a hot and clean apple 1.');
    expect(examine({ isCool: true, isClean: true })).toBe('This is a cool and clean apple 1.');
    expect(examine({ isCool: true })).toBe('This is a cold apple 1.');
    expect(examine({})).toBe("There's nothing special about apple 1.");
  });
});
