import type { ReactNode } from 'react';

/** A symbol with a subscript in SVG text: μ_B, σ_B. */
export function Sub({ base, sub }: { base: string; sub: string }): ReactNode {
  return (
    <>
      {base}
      <tspan baselineShift="sub" fontSize="0.72em">
        {sub}
      </tspan>
    </>
  );
}

/** Where a mark's label is written. */
export interface LabelAt {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
}

type Pt = readonly [number, number];

/** A line across a panel at one value (from `from` to `to`), with its label. */
export function ValueMark({
  from,
  to,
  at,
  label,
  dashed = false,
  data,
}: {
  from: Pt;
  to: Pt;
  at: LabelAt;
  label: ReactNode;
  dashed?: boolean;
  data?: Record<string, string>;
}): ReactNode {
  return (
    <g className="transform-mark" {...data}>
      <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} className={dashed ? 'transform-line dashed' : 'transform-line'} />
      <text x={at.x} y={at.y} textAnchor={at.anchor} className="mark-label">
        {label}
      </text>
    </g>
  );
}

/** A bracket along the value axis from `from` to `to`, its end ticks reaching to `fromTick` and `toTick`, with its label. */
export function Bracket({
  from,
  to,
  fromTick,
  toTick,
  at,
  label,
  data,
}: {
  from: Pt;
  to: Pt;
  fromTick: Pt;
  toTick: Pt;
  at: LabelAt;
  label: ReactNode;
  data?: Record<string, string>;
}): ReactNode {
  return (
    <g className="transform-bracket" {...data}>
      <path d={`M${fromTick[0]},${fromTick[1]}L${from[0]},${from[1]}L${to[0]},${to[1]}L${toTick[0]},${toTick[1]}`} />
      <text x={at.x} y={at.y} textAnchor={at.anchor} className="mark-label">
        {label}
      </text>
    </g>
  );
}

/** The header's arrow from one panel's symbol to the next (its formula sits above it, typeset by KaTeX). */
export function OpArrow({ x0, x1, y }: { x0: number; x1: number; y: number }): ReactNode {
  return <path d={`M${x0},${y}H${x1 - 2}M${x1 - 10},${y - 6}L${x1 - 1},${y}L${x1 - 10},${y + 6}`} className="transform-arrow" />;
}
