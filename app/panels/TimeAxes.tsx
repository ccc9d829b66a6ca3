import type { RefObject } from 'react';
import type { ChartLayout } from '../viz/axisLayout.ts';
import { formatTick } from '../viz/format.ts';

type Scale = (v: number) => number;

export interface TimeAxesProps {
  width: number;
  height: number;
  layout: ChartLayout;
  x: Scale;
  y: Scale;
  xTicks: readonly number[];
  yTicks: readonly number[];
  xTitle: string;
  yTitle: string;
  /** The x title, whose rendered font size sets the layout. */
  titleRef: RefObject<SVGTextElement | null>;
}

/** A time chart's gridlines, tick labels and axis titles, placed by its layout so none overprints another. */
export function TimeAxes({ width, height, layout, x, y, xTicks, yTicks, xTitle, yTitle, titleRef }: TimeAxesProps) {
  const plotBottom = height - layout.bottom;
  return (
    <>
      <g className="grid">
        {yTicks.map((t) => (
          <line key={t} x1={layout.left} x2={width - layout.right} y1={y(t)} y2={y(t)} />
        ))}
      </g>
      <g className="axis">
        <g className="x-ticks">
          {xTicks.map((t) => (
            <text key={t} x={x(t)} y={plotBottom + layout.xTickDy} textAnchor="middle">
              {formatTick(t)}
            </text>
          ))}
        </g>
        <g className="y-ticks">
          {yTicks.map((t) => (
            <text key={t} x={layout.left - layout.yTickGap} y={y(t)} dy="0.35em" textAnchor="end">
              {formatTick(t)}
            </text>
          ))}
        </g>
        <text ref={titleRef} className="axis-label x-title" x={(layout.left + width - layout.right) / 2} y={plotBottom + layout.xTitleDy} textAnchor="middle">
          {xTitle}
        </text>
        <text className="axis-label y-title" transform={`translate(${layout.yTitleX},${(plotBottom + layout.top) / 2}) rotate(-90)`} textAnchor="middle">
          {yTitle}
        </text>
      </g>
    </>
  );
}
