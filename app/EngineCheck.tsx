import { useMemo } from 'react';
import { batchNormForwardBatch, createBatchNorm, createBatchNormCache } from '../src/engine/index.ts';

const inputs = [2.0, 4.0, 9.0, 1.0];

/** A four-number batch-norm example computed by the engine in the page: proof the engine loads in the browser. */
export function EngineCheck() {
  const outputs = useMemo(() => {
    const bn = createBatchNorm('float64', 1, 1e-5, 0.1);
    const cache = createBatchNormCache('float64', 1, inputs.length);
    const y = new Float64Array(inputs.length);
    batchNormForwardBatch(bn, Float64Array.from(inputs), y, cache, inputs.length);
    return { y: Array.from(y), mean: cache.mean[0], variance: cache.variance[0] };
  }, []);
  const fmt = (v: number) => v.toFixed(2);
  return (
    <section className="card" aria-labelledby="bn-example">
      <h2 id="bn-example">Batch norm on one unit</h2>
      <p>
        A batch of four values with mean {fmt(outputs.mean)} and variance {fmt(outputs.variance)} comes out with mean 0
        and variance 1 (γ = 1, β = 0):
      </p>
      <table className="numbers">
        <tbody>
          <tr>
            <th scope="row">x</th>
            {inputs.map((v, i) => (
              <td key={i}>{fmt(v)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">BN(x)</th>
            {outputs.y.map((v, i) => (
              <td key={i} data-testid="bn-output">
                {fmt(v)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="note">The live side-by-side lab is being built on this engine.</p>
    </section>
  );
}
