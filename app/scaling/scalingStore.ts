import { create } from 'zustand';
import { makeHouses, scalingProblem, type ScalingProblem, type Vec2 } from '../../src/contour/index.ts';
import { prefersReducedMotion } from '../hooks/motion.ts';

/** The two plots of the feature-scaling lab. */
export type Side = 'raw' | 'standardized';

/** Animation speeds in steps per second; "all" draws the whole path at once. */
export const ANIMATION_SPEEDS = [2, 8, 50, 500, 'all'] as const;
export type AnimationSpeed = (typeof ANIMATION_SPEEDS)[number];

/** Units floor area can be measured in (m² per unit): the scale of the second raw feature. */
export const AREA_UNITS = [1, 10, 100] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];

export interface ScalingState {
  /**
   * The shared start point in standardized weights (slopes per standard deviation), which mean the
   * same whatever unit the area is in; the raw plot shows it mapped into its own units.
   */
  start: Vec2;
  areaUnit: AreaUnit;
  /** Each plot's own learning rate: no single one suits both. */
  lr: Record<Side, number>;
  /** Heavy-ball momentum β; 0 is plain gradient descent. */
  momentum: number;
  speed: AnimationSpeed;
}

const HOUSES = makeHouses();
const PROBLEMS = new Map<AreaUnit, ScalingProblem>(AREA_UNITS.map((u) => [u, scalingProblem(HOUSES, u)]));

/** The seeded houses fitted with floor area in the given unit. */
export function problemFor(unit: AreaUnit): ScalingProblem {
  const p = PROBLEMS.get(unit);
  if (p === undefined) throw new Error(`No problem for area unit ${unit}`);
  return p;
}

/**
 * The default start, in standardized weights: the raw point (−20 k€/room, 10 k€/m²), up and left of
 * the minimum and well off in the steep direction, so the raw path has to cross the valley.
 */
export const DEFAULT_START: Vec2 = [-20 * problemFor(1).scale[0], 10 * problemFor(1).scale[1]];

/** How far (per axis, in standardized weights) a start may sit from the minimum: 50 default distances. */
const START_REACH = 50 * Math.hypot(DEFAULT_START[0] - problemFor(1).standardized.minimum[0], DEFAULT_START[1] - problemFor(1).standardized.minimum[1]);

/** Keeps a start point within reach of the minimum, so the loss stays far from overflow. */
export function clampStart(w: Vec2, minimum: Vec2): Vec2 {
  const clamp = (v: number, m: number) => (Number.isFinite(v) ? Math.min(m + START_REACH, Math.max(m - START_REACH, v)) : m);
  return [clamp(w[0], minimum[0]), clamp(w[1], minimum[1])];
}

/** 0.9 of the raw stable limit: a step just short of the limit in the steep direction, so it zig-zags. */
export function defaultRawRate(unit: AreaUnit): number {
  return Number((0.9 * problemFor(unit).raw.stableLimit()).toPrecision(2));
}

/**
 * The lab at rest: area in 10 m² (a scale gap of about 5×, where the classic zig-zag shows; m² makes it
 * about 50× and the valley too narrow to see descent advance), and rates near each plot's best.
 */
export function defaultScalingState(): ScalingState {
  return {
    start: DEFAULT_START,
    areaUnit: 10,
    lr: { raw: defaultRawRate(10), standardized: Number(problemFor(1).standardized.fastestRate().toPrecision(2)) },
    momentum: 0,
    // Under reduced motion the descent is drawn whole; the speed menu can still animate it.
    speed: prefersReducedMotion() ? 'all' : 8,
  };
}

export const useScalingStore = create<ScalingState>(() => defaultScalingState());

/** Measures area in another unit; the raw rate moves to 0.9 of the new limit, which can differ 10,000-fold. */
export function setAreaUnit(unit: AreaUnit): void {
  useScalingStore.setState((s) => ({ areaUnit: unit, lr: { ...s.lr, raw: defaultRawRate(unit) } }));
}

/** Moves the shared start point (standardized weights), kept within reach of the standardized minimum. */
export function moveStart(w: Vec2, minimum: Vec2): void {
  useScalingStore.setState({ start: clampStart(w, minimum) });
}

/** Sets one plot's learning rate. */
export function setRate(side: Side, lr: number): void {
  useScalingStore.setState((s) => ({ lr: { ...s.lr, [side]: lr } }));
}

/** Sets the heavy-ball momentum β (0: plain gradient descent). */
export function setMomentum(momentum: number): void {
  useScalingStore.setState({ momentum });
}

/** Sets the animation speed. */
export function setAnimationSpeed(speed: AnimationSpeed): void {
  useScalingStore.setState({ speed });
}

/** Puts the lab back at rest. */
export function resetScaling(): void {
  useScalingStore.setState(defaultScalingState());
}

/** Opens the lab with a link's settings. */
export function loadScaling(state: ScalingState): void {
  useScalingStore.setState(state);
}
