import { describe, expect, it } from 'vitest';
import { renderAdmissible, verlAgentPrompt, wordCount } from './index';

describe('verl-agent ALFWorld prompt', () => {
  it('renders the admissible list as verl-agent does and fills the template verbatim', () => {
    expect(renderAdmissible(['go to cabinet 1', 'look'])).toBe("'go to cabinet 1'\n 'look'");
    const prompt = verlAgentPrompt('You arrive at cabinet 1. The cabinet 1 is closed.', ['inventory', 'look']);
    expect(prompt).toBe(
      '\nYou are an expert agent operating in the ALFRED Embodied Environment.\n'
      + 'Your current observation is: You arrive at cabinet 1. The cabinet 1 is closed.\n'
      + "Your admissible actions of the current situation are: ['inventory'\n 'look'].\n\n"
      + "Now it's your turn to take an action.\n"
      + 'You should first reason step-by-step about the current situation. This reasoning process MUST be enclosed within <think> </think> tags. \n'
      + "Once you've finished your reasoning, you should choose an admissible action for current step and present it within <action> </action> tags.\n",
    );
    expect(wordCount('  a  b\nc ')).toBe(3);
  });
});
