/**
 * The verl-agent ALFWorld prompt for the first step (`ALFWORLD_TEMPLATE_NO_HIS`, reference/envs.md §3.1),
 * used to measure how long a step prompt is for each preset.
 */

/** `ALFWORLD_TEMPLATE_NO_HIS`, verbatim (including its leading and trailing newline and trailing spaces). */
const ALFWORLD_TEMPLATE_NO_HIS = `
You are an expert agent operating in the ALFRED Embodied Environment.
Your current observation is: {current_observation}
Your admissible actions of the current situation are: [{admissible_actions}].

Now it's your turn to take an action.
You should first reason step-by-step about the current situation. This reasoning process MUST be enclosed within <think> </think> tags. 
Once you've finished your reasoning, you should choose an admissible action for current step and present it within <action> </action> tags.
`;

/** The admissible list as verl-agent renders it: `'a'\n 'b'` (help already dropped). */
export function renderAdmissible(admissible: readonly string[]): string {
  return admissible.map((action) => `'${action}'`).join('\n ');
}

/** The first-step prompt with the observation and the admissible actions filled in. */
export function verlAgentPrompt(observation: string, admissible: readonly string[]): string {
  return ALFWORLD_TEMPLATE_NO_HIS
    .replace('{current_observation}', () => observation)
    .replace('{admissible_actions}', () => renderAdmissible(admissible));
}

/** Words in a text, split on whitespace (the unit of the prompt-length statistics). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}
