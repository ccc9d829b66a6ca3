import type { ReactNode } from 'react';
import type { SectionId } from './sections.ts';
import { Scenario, TryThis } from './Scenario.tsx';
import { Tex } from './Tex.tsx';

/** The prose of each section, in our own words, with its "try this" prompt and scenario buttons. */
export const STORY_TEXT: Record<SectionId, () => ReactNode> = {
  scaling: () => (
    <>
      <p>
        Gradient descent takes one learning rate for every weight. When one input is measured in square metres and another counts rooms, the loss is a long, thin valley:
        a rate small enough for the steep direction crawls along the flat one. The ratio of the steepest to the flattest curvature, the condition number <Tex tex="\kappa" />,
        sets how many steps that costs.
      </p>
      <p>
        Standardizing each feature, <Tex tex="\tilde x = (x - \mu)/\sigma" />, makes the valley round (<Tex tex="\kappa \approx 1" />), so one rate suits every direction.
        Batch norm asks: what if every <em>layer</em> got its inputs standardized too?
      </p>
      <TryThis>Set the floor area to m² and press “Largest stable η” on both plots. Count the steps each needs to converge.</TryThis>
    </>
  ),
  shift: () => (
    <>
      <p>
        A hidden layer learns from inputs that the layers below it produce. Each update changes those layers, so the distribution the layer was fitting has moved by the
        next step. Ioffe and Szegedy called this <strong>internal covariate shift</strong>: with sigmoid units, inputs that drift outwards also saturate, and learning stalls.
      </p>
      <p>
        Depth makes it worse. In the chain <Tex tex="\hat y = x\,w_1 w_2 w_3" />, a gradient step predicts a change of <Tex tex="-\varepsilon\, g^\top g" /> in{' '}
        <Tex tex="\hat y" />, but every weight moves at once, and products such as <Tex tex="\varepsilon^2 g_1 g_2 w_3" /> join in. Whether they matter depends on all the
        other weights, so no single learning rate is safe.
      </p>
      <TryThis>
        Run the BN paper’s network and watch the drift bands: plain inputs wander and widen, BN’s hold still. Then open “Stacked layers” and raise the weights to 1.5.
      </TryThis>
      <Scenario preset="bn-paper" label="The BN paper, Figure 1" />
    </>
  ),
  transform: () => (
    <>
      <p>For each unit, over the m values of a mini-batch, batch norm computes</p>
      <Tex block tex="\begin{aligned} \mu_B &= \tfrac1m \textstyle\sum_i x_i \\ \sigma_B^2 &= \tfrac1m \textstyle\sum_i (x_i-\mu_B)^2 \\ \hat x_i &= \dfrac{x_i-\mu_B}{\sqrt{\sigma_B^2+\varepsilon}} \\ y_i &= \gamma\,\hat x_i + \beta \end{aligned}" />
      <p>
        ε keeps the division safe and caps the gain at <Tex tex="1/\sqrt{\varepsilon}" />. γ and β are learned, so the layer can undo the normalization if that helps: with{' '}
        <Tex tex="\gamma = \sqrt{\sigma_B^2+\varepsilon}" /> and <Tex tex="\beta=\mu_B" /> it is the identity. The paper puts BN before the nonlinearity; many people put it after.
        The lab runs both from the same weights.
      </p>
      <TryThis>Press “.” to take single steps and watch μ_B and σ²_B change while x̂ stays near 1. Click another unit in the network strip of the lab to follow it.</TryThis>
      <Scenario preset="bn-paper" label="Run the BN paper’s network" />
      <Scenario preset="relu-before-vs-after" label="Before vs after, with ReLU" />
    </>
  ),
  bias: () => (
    <>
      <p>
        A dense layer computes <Tex tex="Wu + b" />. If BN comes next, it subtracts the batch mean, and the bias <Tex tex="b" /> adds the same amount to every example, so it
        cancels: <Tex tex="\partial L/\partial b = 0" /> exactly, and b never moves. β takes over its job. That is why frameworks build the layer before BN without a bias.
      </p>
      <p>With BN after the activation the bias does not cancel: it shifts the nonlinearity’s input, so it keeps a real gradient.</p>
      <TryThis>Compare the meters: plain and BN-after show a real gradient; BN-before shows a number near the float rounding floor.</TryThis>
      <Scenario preset="relu-before-vs-after" label="Plain, BN before and BN after" />
    </>
  ),
  inference: () => (
    <>
      <p>
        At test time the batch statistics are a problem: a prediction should not depend on the other examples in its batch, and a batch of one has no variance at all (every
        output collapses to β). BN replaces them by fixed estimates: <strong>running averages</strong> updated during training, or <strong>population statistics</strong>{' '}
        over the training set (the paper’s <Tex tex="\tfrac{m}{m-1}\,\mathbb E[\sigma_B^2]" />). Conventions differ: PyTorch’s momentum 0.1 is Keras’s 0.99, and its ε is 1e-5
        against Keras’s 1e-3.
      </p>
      <p>
        The table measures every choice at once on the running model, on copies, so training never notices. Batch statistics at a test batch of 1 give β for every digit,
        so the network predicts one class for everything. A batch of 2 is barely better than a coin toss per pair. Running averages with momentum 0.99 start at mean 0 and
        variance 1 and take a hundred steps or more to catch up, while 0.1 tracks the batches within a few dozen. ε only matters where a variance is as small as ε itself.
      </p>
      <TryThis>
        Press the first scenario and watch the first 150 steps: the momentum-0.99 row sits near chance while 0.1 already matches a batch of 60. Then read down the
        batch-statistics rows: 1, 2, 8, 60.
      </TryThis>
      <Scenario preset="bn-paper" extra={{ inferEvery: 50 }} label="Measure inference every 50 steps" />
      <Scenario preset="tiny-batch" extra={{ inferEvery: 50 }} label="Trained on batches of 4" />
    </>
  ),
  rates: () => (
    <>
      <p>
        Because BN undoes any rescaling of a layer’s weights, a large step cannot push the next layer into saturation. The paper trained Inception at 5× and 30× its learning
        rate, and matched its accuracy in 14× fewer steps.
      </p>
      <p>
        The sweep tests it here. It trains the lab’s networks at seven learning rates, from 0.03 to 30 times the lab’s, each from the same start on the same batches, and
        counts the steps each needs to reach 90% test accuracy. A plain network has a narrow window: too small and it crawls, too large and its sigmoids saturate. BN
        reaches 90% across a much wider range, and in far fewer steps.
      </p>
      <p>
        The BN paper also reports a regularizing effect, enough to drop dropout. Check the gap column: it is train minus test accuracy, measured at the same step for both
        networks. On our 8,000 digits BN fits the training set faster, and its gap comes out larger, not smaller. A claim worth testing, not assuming.
      </p>
      <TryThis>
        Run the sweep (one to two minutes; starting it pauses the lab). Compare the bars under the chart, the rates at which each network reached 90%. Then load the high learning rate: at
        lr 10 the plain network saturates and stalls near chance while BN passes 90%.
      </TryThis>
      <Scenario preset="high-lr" label="Learning rate 10" />
    </>
  ),
  smoothness: () => (
    <>
      <p>
        Santurkar, Tsipras, Ilyas and Madry (2018) tested the explanation. First they added noise after every BN layer, a random shift and scale per unit that changes every
        step: shift on purpose. The noisy network still trains about as fast as BN. Then they measured the shift directly, as the change in a layer’s gradient{' '}
        <Tex tex="\lVert G - G'\rVert" /> when only the earlier layers update, and found BN networks shift as much or more.
      </p>
      <p>
        What BN does change is the landscape: along the gradient, the loss varies less and the gradient changes less (a smaller effective β-smoothness), so larger steps are
        safe. Which explanation do your numbers support?
      </p>
      <TryThis>Run noisy BN with probes on. Compare the drift bands (noisy BN moves most), the accuracy (noisy BN keeps up) and the smoothness bands (both BN variants are narrow).</TryThis>
      <Scenario preset="noisy-bn" extra={{ probeEvery: 50 }} label="Noisy BN, with probes" />
      <p>
        Two more tests close the case. Santurkar et al. also divided by other scales than the standard deviation: the mean absolute deviation (ℓ1) or the largest one (ℓ∞).
        These hold the layer inputs less still than BN does: in the input-shift table under the drift charts, each unit’s spread changes per 100 steps somewhat more with ℓ1
        (1.3 to 2.4 times BN’s by step 1,000) and three to seven times as much with ℓ∞. Yet both train far faster than plain, on a landscape about as smooth as BN’s. And layer norm normalizes each example
        over its own units, with no batch statistics at all, so nothing holds a unit’s distribution over the batch in place; it trains well too, even on batches so small
        that BN cannot learn.
      </p>
      <TryThis>
        Run the ℓp norms and compare three things: the input-shift table (ℓ∞ moves most among the normalized networks), the accuracy (every normalization beats plain) and
        the smoothness bands. Then train layer norm beside BN on batches of two.
      </TryThis>
      <Scenario preset="lp-norms" label="ℓp norms: more shift, still fast" />
      <Scenario preset="tiny-batch-ln" label="Layer norm at batches of two" />
    </>
  ),
  limits: () => (
    <>
      <p>
        Batch statistics are noisy estimates, which is said to regularize a little, much as dropout does (the sweep’s gap column shows no such effect at our scale).
        The same noise hurts when batches are tiny, and it ties every prediction in
        training to its batch. That is where later methods come from: batch renormalization corrects towards the running averages, and layer norm and group norm normalize
        each example over its own units, needing no batch at all.
      </p>
      <TryThis>Reload the tiny-batch scenario and set the evaluation batch to 1: with batch statistics, every test input gives the same prediction.</TryThis>
      <Scenario preset="tiny-batch" extra={{ evalBatchSize: 1 }} label="Test batches of one" />
      <p>
        Layer norm is the way out that needs no batch. Trained on batches of two, BN stalls far below the plain network while layer norm passes it; at a batch of one BN
        cannot learn at all, since every example is its own batch mean.
      </p>
      <TryThis>Load the layer-norm scenario, then set the batch size to 1 and to 4 and watch BN fail, then nearly catch up, while layer norm keeps learning.</TryThis>
      <Scenario preset="tiny-batch-ln" label="BN fails, layer norm doesn’t" />
    </>
  ),
};
