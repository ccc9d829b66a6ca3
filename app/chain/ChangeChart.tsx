import { scaleLog, scaleSymlog } from 'd3-scale';
import { useMemo } from 'react';
import { useSize } from '../hooks/useSize.ts';
import { formatTick } from '../viz/format.ts';
import { formatDecade, symlogTicks, type ChangeSweep } from './chainChart.ts';

const MARGIN = { left: 78, right: 16, top: 14, bottom: 52 };

/** The first-order prediction and the actual change of ŷ against ε (log x, symmetric-log y), with the chosen ε marked. */
export function ChangeChart({
  sweep,
  eps,
  now,
  scaleHint,
}: {
  sweep: ChangeSweep;
  eps: number;
  now: { predicted: number; actual: number };
  scaleHint: number;
}) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const width = Math.max(size.width, 260);
  const height = Math.round(Math.min(Math.max(width * 0.55, 240), 420));
  const n = sweep.eps.length;
  const x = useMemo(
    () =>
      scaleLog()
        .domain([sweep.eps[0], sweep.eps[n - 1]])
        .range([MARGIN.left, width - MARGIN.right]),
    [sweep, n, width],
  );
  const { y, ticks } = useMemo(() => {
    let maxAbs = 0;
    for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(sweep.predicted[i]), Math.abs(sweep.actual[i]));
    // The linear zone around 0: a thousandth of ŷ's own size, so small changes still read.
    const c = Math.max(scaleHint * 1e-3, 1e-9);
    const top = Math.max(maxAbs, c * 10);
    return {
      y: scaleSymlog()
        .constant(c)
        .domain([-top, top])
        .range([height - MARGIN.bottom, MARGIN.top]),
      ticks: symlogTicks(top, c, 3),
    };
  }, [sweep, n, height, scaleHint]);
  const line = (values: Float64Array) => {
    let d = '';
    for (let i = 0; i < n; i++) if (Number.isFinite(values[i])) d += `${d === '' ? 'M' : 'L'}${x(sweep.eps[i]).toFixed(1)},${y(values[i]).toFixed(1)}`;
    return d;
  };
  const xTicks = x.ticks(5).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  return (
    <figure className="change-chart" data-chart="chain-change">
      <figcaption className="legend-line">
        <span className="key actual">actual change of ŷ</span>
        <span className="key predicted">first-order prediction −ε·gᵀg</span>
      </figcaption>
      <div ref={boxRef} className="chart">
        <svg width={width} height={height} role="img" aria-label="The predicted and the actual change of ŷ as the learning rate ε varies">
          {ticks.map((t) => (
            <g key={t}>
              <line className={t === 0 ? 'zero' : 'gridline'} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
              <text className="tick" x={MARGIN.left - 8} y={y(t) + 5} textAnchor="end">
                {formatDecade(t)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <text key={t} className="tick" x={x(t)} y={height - MARGIN.bottom + 22} textAnchor="middle">
              {formatTick(t)}
            </text>
          ))}
          <line className="eps-now" x1={x(eps)} x2={x(eps)} y1={MARGIN.top} y2={height - MARGIN.bottom} />
          <path className="series predicted" d={line(sweep.predicted)} />
          <path className="series actual" d={line(sweep.actual)} />
          {Number.isFinite(now.predicted) && <circle className="now predicted" cx={x(eps)} cy={y(now.predicted)} r={7} />}
          {Number.isFinite(now.actual) && <circle className="now actual" cx={x(eps)} cy={y(now.actual)} r={7} />}
          <text className="axis-label" x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 8} textAnchor="middle">
            learning rate ε (log scale)
          </text>
          <text className="axis-label" transform={`translate(16,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle">
            change of ŷ (symmetric log)
          </text>
        </svg>
      </div>
    </figure>
  );
}
