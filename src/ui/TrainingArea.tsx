/**
 * The training area: the data flow of one iteration, left to right, the way the page tells the story
 * (environment → policy → advantage → update → outcome).
 */

const STAGES = [
  { title: 'Environment', text: 'B tasks × G rollouts of each, in ALFWorld-lite or WebShop-lite; a group shares one world.' },
  { title: 'Policy', text: 'A tiny transformer writes each action token by token; step entropy H_t is the mean of its token entropies.' },
  { title: 'Advantage', text: 'GRPO scores each rollout against its group: A(τ). EMPG re-scales it per step: g(H̃)·A(τ) + ζ·f(H̃_{t+1}).' },
  { title: 'Update', text: 'A step’s update grows with its entropy under plain policy gradient; EMPG amplifies confident steps and damps uncertain ones.' },
  { title: 'Outcome', text: 'Success rate, reward, entropy, KL and gradient norm over iterations.' },
];

/** The training area (the pipeline of one iteration). */
export function TrainingArea() {
  return (
    <section className="panel training" aria-labelledby="training-title">
      <h2 id="training-title">Training</h2>
      <ol className="pipeline">
        {STAGES.map((stage, i) => (
          <li key={stage.title} className="stage">
            <h3><span className="stage-number">{i + 1}</span>{stage.title}</h3>
            <p>{stage.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
